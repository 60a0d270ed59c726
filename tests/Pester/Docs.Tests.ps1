#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The documentation is executed: every PowerShell example of the help pages, the about topic and the
# README runs under real pwsh, in a fresh process, against a simulator seeded with the demo fleet, the
# endpoint given through $PSDefaultParameterValues. An example that fails, or a runbook that ends
# "successfully" when it should not, fails here. A block preceded by "<!-- not run ... -->" is skipped.

BeforeDiscovery {
    $root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    function Find-Block([string] $Text, [string] $Source) {
        $heading = ''
        $index = 0
        $lines = $Text -split "`r?`n"
        for ($i = 0; $i -lt $lines.Count; $i++) {
            if ($lines[$i] -match '^#{2,3} (.+)$') { $heading = $Matches[1] }
            if ($lines[$i] -ne '```powershell') { continue }
            $skip = $i -gt 0 -and $lines[$i - 1] -like '<!-- not run*'
            $code = [System.Collections.Generic.List[string]]::new()
            for ($i++; $lines[$i] -ne '```'; $i++) { $code.Add($lines[$i]) }
            $index++
            if (-not $skip) { @{ Source = $Source; Title = "$index. $heading"; Code = $code -join "`n" } }
        }
    }
    $examples = @(
        foreach ($page in Get-ChildItem (Join-Path $root 'docs/en-US') -Filter '*.md') {
            $text = Get-Content -Raw $page.FullName
            if ($page.Name -like '*-*.md') {
                $text = $text.Substring($text.IndexOf('## EXAMPLES'))
                $text = $text.Substring(0, $text.IndexOf('## PARAMETERS'))
            }
            Find-Block $text $page.BaseName
        }
        Find-Block (Get-Content -Raw (Join-Path $root 'README.md')) 'README'
    )
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSimulator.psm1') -Force
    $environment = Initialize-TestEnvironment
    $root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $simulators = @{}
    function SimulatorFor([string] $Region) {
        if (-not $simulators[$Region]) {
            $simulators[$Region] = Start-TestSimulator -Region $Region -Demo -DeletionSeconds 0.5
        }
        $simulators[$Region]
    }
    $fixtures = Join-Path $TestDrive 'fixtures'
    Copy-Item -Recurse (Join-Path $PSScriptRoot 'DocFixtures') $fixtures
}

AfterAll {
    $simulators.Values | Stop-TestSimulator
    Restore-TestEnvironment $environment
}

Describe 'The documented examples' {
    It '<Source> <Title>' -ForEach $examples {
        # An example that names a region runs against a simulator of that region.
        $region = if ($Code -match '-Region (\S+)') { $Matches[1] } else { 'us-east-1' }
        $simulator = SimulatorFor $region
        Reset-TestSimulator $simulator -Demo
        $script = Join-Path $TestDrive 'example.ps1'
        @(
            "`$env:PSModulePath = '$root/out' + [IO.Path]::PathSeparator + `$env:PSModulePath"
            "`$PSStyle.OutputRendering = 'PlainText'"
            "Import-Module '$((Get-BuiltModule).Base)' -ErrorAction Stop"
            "`$PSDefaultParameterValues['*-IotJob*:EndpointUrl'] = '$($simulator.Endpoint)'"
            "`$PSDefaultParameterValues['*-IotJob*:Region'] = '$region'"
            "Set-Location '$fixtures'"
            # The README's paths are from the repository's root; the examples run among the fixtures.
            $Code.Replace('http://127.0.0.1:5055', $simulator.Endpoint).Replace('./out/IotJobs', "$root/out/IotJobs")
        ) | Set-Content -Path $script

        $output = Invoke-PwshFile $script

        $LASTEXITCODE | Should -Be 0 -Because $output
        $output | Should -Not -Match '(?m)^\S*(Get|Stop|Remove)-IotJob\w*: ' -Because 'no cmdlet should report an error'
    }
}
