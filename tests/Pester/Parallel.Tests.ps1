#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The many-places pattern of docs/PERFORMANCE.md, exactly as documented: ForEach-Object -Parallel, a runspace per
# place, each importing the module by name, listing its place and removing what it listed. Run against simulators
# started as processes, one per region: every place's jobs must be removed there, and nowhere else.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSimulator.psm1') -Force
    $environment = Initialize-TestEnvironment
    $module = Get-BuiltModule
    # As an installed module: the runspaces import it by name.
    $savedModulePath = $env:PSModulePath
    $env:PSModulePath = (Split-Path $module.Base) + [IO.Path]::PathSeparator + $env:PSModulePath
    # This runspace reads what the places were left with.
    Import-Module $module.Base -Force -ErrorAction Stop

    $root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $performance = Get-Content -Raw (Join-Path $root 'docs/PERFORMANCE.md')
    $section = $performance.Substring($performance.IndexOf('## Many places at once'))
    $blocks = [regex]::Matches($section, '(?s)```powershell\r?\n(.*?)\r?\n```') | ForEach-Object { $_.Groups[1].Value }
    $pattern = @($blocks | Where-Object { $_ -match 'ForEach-Object .*-Parallel' })[0]

    # A job id in every place, in a different state in each: only the place where it is CANCELED loses it.
    $seeds = [ordered]@{
        'us-east-1' = @(
            @{ JobId = 'old-1'; Status = 'CANCELED' }, @{ JobId = 'old-2'; Status = 'CANCELED' },
            @{ JobId = 'old-3'; Status = 'CANCELED' }, @{ JobId = 'shared'; Status = 'CANCELED' },
            @{ JobId = 'keep-1'; Status = 'IN_PROGRESS' })
        'eu-west-1' = @(
            @{ JobId = 'old-4'; Status = 'CANCELED' }, @{ JobId = 'old-5'; Status = 'CANCELED' },
            @{ JobId = 'shared'; Status = 'IN_PROGRESS' }, @{ JobId = 'keep-2'; Status = 'COMPLETED' })
        'ap-south-1' = @(
            @{ JobId = 'old-6'; Status = 'CANCELED' }, @{ JobId = 'old-7'; Status = 'CANCELED' },
            @{ JobId = 'old-8'; Status = 'CANCELED' }, @{ JobId = 'old-9'; Status = 'CANCELED' },
            @{ JobId = 'shared'; Status = 'COMPLETED' })
    }
    $simulators = [ordered]@{}
    foreach ($region in $seeds.Keys) { $simulators[$region] = Start-TestSimulator -Region $region -DeletionSeconds 0.3 }
}

AfterAll {
    $simulators.Values | Stop-TestSimulator
    $env:PSModulePath = $savedModulePath
    Restore-TestEnvironment $environment
}

Describe 'Many places at once, a runspace each (docs/PERFORMANCE.md)' {
    BeforeAll {
        foreach ($region in $seeds.Keys) { $null = Add-TestJob $simulators[$region] $seeds[$region] }
        # The places as the documentation's first block has them, each also naming its simulator.
        $places = foreach ($region in $seeds.Keys) {
            @{ Region = $region; EndpointUrl = $simulators[$region].Endpoint }
        }

        $output = & ([scriptblock]::Create($pattern)) 2>&1
        $failures = @($output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $results = @($output | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] })
    }

    It 'is the documented pattern: ForEach-Object -Parallel, the module imported by name in each runspace' {
        $pattern | Should -Match 'ForEach-Object -ThrottleLimit \d+ -Parallel'
        $pattern | Should -Match 'Import-Module IotJobs'
    }

    It 'fails no item' {
        $failures | Should -BeNullOrEmpty -Because ($failures | Out-String)
    }

    It 'reports every place once, with its own summary' {
        $results.Count | Should -Be $seeds.Count
        foreach ($region in $seeds.Keys) {
            $canceled = @($seeds[$region] | Where-Object Status -eq 'CANCELED').Count
            $result = @($results | Where-Object Place -eq $region)
            $result.Count | Should -Be 1 -Because $region
            $result[0].Result | Should -Be "$canceled jobs: $canceled removed."
        }
    }

    It 'removes the canceled jobs of <Region> there, and nothing of another place' -ForEach @(
        @{ Region = 'us-east-1' }, @{ Region = 'eu-west-1' }, @{ Region = 'ap-south-1' }
    ) {
        $simulator = $simulators[$Region]
        $canceled = @($seeds[$Region] | Where-Object Status -eq 'CANCELED' | ForEach-Object JobId | Sort-Object)
        $kept = @($seeds[$Region] | Where-Object Status -ne 'CANCELED' | ForEach-Object JobId | Sort-Object)

        $deleted = @(Get-TestRequest $simulator DeleteJob | ForEach-Object { $_.path -replace '^/jobs/' } | Sort-Object)
        $deleted | Should -Be $canceled
        # Every request it received was signed for its own region: none came from another place's runspace.
        $scopes = @(Get-TestRequest $simulator | ForEach-Object credentialScope)
        $scopes | Where-Object { $_ -notmatch "/$Region/iot/" } | Should -BeNullOrEmpty
        $left = @(Get-IotJob -EndpointUrl $simulator.Endpoint -Region $Region | ForEach-Object JobId | Sort-Object)
        $left | Should -Be $kept
    }
}
