#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The README's demo command does what the README says: it runs the tour to the end at 80 columns,
# shows an age-based dry run, the two refusals, and the scheduling around the 10-deletion limit.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSimulator.psm1') -Force
    $environment = Initialize-TestEnvironment
    $root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $configuration = if ($env:IOTJOBS_SIMULATOR_DLL -match '/bin/(\w+)/') { $Matches[1] } else { 'Debug' }
    $output = & dotnet run --project (Join-Path $root 'src/IotJobs.Demo') --no-build -c $configuration 2>&1 | Out-String
    $exitCode = $LASTEXITCODE
    $lines = $output -split "`r?`n"
}

AfterAll { Restore-TestEnvironment $environment }

Describe 'The demo' {
    It 'runs to the end' {
        $exitCode | Should -Be 0 -Because $output
        $output | Should -Match '# What is left'
    }

    It 'fits 80 columns' {
        $lines | Where-Object Length -gt 80 | Should -BeNullOrEmpty
    }

    It 'shows an age-based clean-up: the 12 jobs finished months ago, not the 2 of this week' {
        @($lines | Where-Object { $_ -like "What if: Remove job 'fw-2024-08-canary-*" }).Count | Should -Be 12
        $lines | Where-Object { $_ -like "What if: Remove job 'fw-2024-11-canary-*" } | Should -BeNullOrEmpty
    }

    It 'shows the two refusals, each with what would help' {
        @($lines | Where-Object { $_ -like 'ERROR `[*' }).Count | Should -Be 2
        $output | Should -Match 'ExecutionNotJob'
        $output | Should -Match 'Recommendation: Add -Force to remove it'
    }

    It 'shows the deletions waiting for a place, as it happens' {
        # The progress text wraps at 80 columns wherever its counts and rates put the break.
        $flowing = $output -replace '\s+', ' '
        $flowing | Should -Match "waits for one of the service's 10 deletion places"
        $flowing | Should -Match 'A deletion place is free'
    }
}
