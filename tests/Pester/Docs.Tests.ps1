#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The documentation is executed: every PowerShell example of the help pages, the about topic and the
# README runs under real pwsh, in a fresh process, against a simulator seeded with the demo fleet, the
# endpoint given through $PSDefaultParameterValues. An example that fails, or a runbook that ends
# "successfully" when it should not, fails here. A block preceded by "<!-- not run ... -->" is skipped by the
# first Describe; about_IotJobs' way back from a backup, which needs a backup and the aws CLI, runs in the second.

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

Describe 'The way back from a backup (about_IotJobs, BACKUPS)' {
    BeforeAll {
        $about = Get-Content -Raw (Join-Path $root 'docs/en-US/about_IotJobs.help.md')
        $section = $about.Substring($about.IndexOf('## BACKUPS'))
        $recipe = [regex]::Match($section, '(?s)```powershell\r?\n(.*?)\r?\n```').Groups[1].Value
        $simulator = SimulatorFor 'us-east-1'
        $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'way-back')
        # The aws CLI, pointed at the simulator by the environment alone, as its banner tells a person to.
        $cli = @{
            AWS_REGION = 'us-east-1'; AWS_DEFAULT_REGION = 'us-east-1'
            AWS_ENDPOINT_URL_IOT = $simulator.Endpoint; AWS_MAX_ATTEMPTS = '1'; AWS_PAGER = ''
        }
        function Invoke-WithCli([string] $Lines) {
            $script = Join-Path $TestDrive 'way-back.ps1'
            @(
                "`$PSStyle.OutputRendering = 'PlainText'"
                "Import-Module '$((Get-BuiltModule).Base)' -ErrorAction Stop"
                foreach ($name in $cli.Keys) { "`$env:$name = '$($cli[$name])'" }
                "Set-Location '$folder'"
                $Lines
                'exit $LASTEXITCODE'
            ) | Set-Content -Path $script
            Invoke-PwshFile $script
        }
        function Invoke-Aws([string] $Arguments) {
            $output = Invoke-WithCli "aws iot $Arguments --output json"
            $LASTEXITCODE | Should -Be 0 -Because $output
            $output | ConvertFrom-Json
        }
    }

    It 'creates a job removed with -BackupPath again, with its document and its targets' {
        if (-not (Get-Command aws -CommandType Application -ErrorAction SilentlyContinue)) {
            throw ('This test runs the documented recipe with the aws CLI, which is not on PATH. Install it ' +
                '(pip install awscli, or AWS CLI v2) and run the test again.')
        }
        $recipe | Should -Match 'aws iot create-job' -Because 'the recipe was found'
        $recipe | Should -Match './backups/fw-7.job.json' -Because 'the test removes fw-7 into ./backups'
        Reset-TestSimulator $simulator -Demo
        $document = '{"operation":"install","firmware":"7.0.1","url":"https://example.com/fw"}'
        $null = Add-TestJob $simulator @(@{ JobId = 'fw-7'; Status = 'IN_PROGRESS'; TargetSelection = 'CONTINUOUS'
                Description = 'Firmware 7'; Document = $document
                Executions = @(@{ ThingName = 'sensor-1'; Status = 'SUCCEEDED' }
                    @{ ThingName = 'gateway:eu-1'; Status = 'IN_PROGRESS' }) })
        $before = (Invoke-Aws 'describe-job --job-id fw-7').job

        $removal = Invoke-WithCli @'
$null = New-Item -ItemType Directory -Path ./backups
Remove-IotJob fw-7 -Force -Wait -BackupPath ./backups
'@
        $LASTEXITCODE | Should -Be 0 -Because $removal
        $removal | Should -Not -Match 'Remove-IotJob:' -Because $removal
        Test-Path (Join-Path $folder 'backups/fw-7.job.json') | Should -BeTrue

        $recreated = Invoke-WithCli $recipe

        $LASTEXITCODE | Should -Be 0 -Because $recreated
        $recreated | Should -Match '"jobId": "fw-7"' -Because 'create-job answers with the new job'
        $after = (Invoke-Aws 'describe-job --job-id fw-7').job
        $after.status | Should -Be 'IN_PROGRESS'
        $after.targetSelection | Should -Be 'CONTINUOUS'
        $after.targets | Should -Be $before.targets
        @($after.targets).Count | Should -Be 2
        (Invoke-Aws 'get-job-document --job-id fw-7').document | Should -BeExactly $document
        (Get-TestRequest $simulator CreateJob).Count | Should -Be 1
    }
}
