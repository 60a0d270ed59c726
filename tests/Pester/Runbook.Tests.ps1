#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The README's runbook, exactly as documented, run as a scheduler runs it (pwsh -File): it must exit
# non-zero whenever something was not done, and say what.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSimulator.psm1') -Force
    $environment = Initialize-TestEnvironment
    $root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $readme = Get-Content -Raw (Join-Path $root 'README.md')
    $section = $readme.Substring($readme.IndexOf('## A runbook'))
    $runbook = [regex]::Match($section, '(?s)```powershell\r?\n(.*?)\r?\n```').Groups[1].Value
    $simulator = Start-TestSimulator -Demo -DeletionSeconds 0.2

    function Invoke-Runbook {
        param([string] $EndpointUrl = $simulator.Endpoint, [hashtable] $Environment = @{}, [string] $Prelude = '')
        $script = Join-Path $TestDrive 'runbook.ps1'
        @(
            "`$env:PSModulePath = '$root/out' + [IO.Path]::PathSeparator + `$env:PSModulePath"
            "`$PSDefaultParameterValues['*-IotJob*:EndpointUrl'] = '$EndpointUrl'"
            "`$PSDefaultParameterValues['*-IotJob*:Region'] = 'us-east-1'"
            $Prelude
            $runbook
        ) | Set-Content $script
        $saved = @{}
        foreach ($name in $Environment.Keys) {
            $saved[$name] = [Environment]::GetEnvironmentVariable($name)
            [Environment]::SetEnvironmentVariable($name, $Environment[$name])
        }
        try { $output = Invoke-PwshFile $script }
        finally { foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) } }
        # Error views wrap at 80 columns behind a "|" gutter: joined again, a message reads as one line.
        [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = $output -replace '\r?\n\s*\|?\s*', ' ' }
    }
}

AfterAll {
    $simulator | Stop-TestSimulator
    Restore-TestEnvironment $environment
}

Describe 'The README runbook' {
    BeforeEach { Reset-TestSimulator $simulator -Demo }

    It 'removes the canceled jobs older than 30 days, and succeeds' {
        $run = Invoke-Runbook

        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Output | Should -Match '12 jobs: 12 removed\.'
        (Get-TestRequest $simulator DeleteJob).path | Should -Not -Contain '/jobs/fw-2024-11-canary-01'
    }

    It 'rehearsed with $WhatIfPreference, changes nothing and says what would be removed' {
        $run = Invoke-Runbook -Prelude '$WhatIfPreference = $true'

        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Output | Should -Match '12 jobs: 12 would be removed\.'
        $run.Output | Should -Not -Match '12 removed'
        Get-TestRequest $simulator DeleteJob | Should -BeNullOrEmpty
    }

    It 'exits non-zero when the listing fails: nothing listens at the endpoint' {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop()

        $run = Invoke-Runbook -EndpointUrl "http://127.0.0.1:$port"

        $run.ExitCode | Should -Not -Be 0
        $run.Output | Should -Match "127\.0\.0\.1:$port"
        $run.Output | Should -Not -Match 'removed\.'
    }

    It 'exits non-zero when the service rejects the credentials' {
        $run = Invoke-Runbook -Environment @{ AWS_SECRET_ACCESS_KEY = 'not-the-secret' }

        $run.ExitCode | Should -Not -Be 0
        $run.Output | Should -Match 'did not accept the credentials'
        Get-TestRequest $simulator DeleteJob | Should -BeNullOrEmpty
    }

    It 'reports each job that was not removed, by id and reason, and exits non-zero' {
        Add-TestFault $simulator @{ kind = 'Error'; operation = 'DeleteJob'; skip = 2; times = 1; status = 403
            errorType = 'AccessDeniedException'; message = 'not allowed here' }

        $run = Invoke-Runbook

        $run.ExitCode | Should -Not -Be 0
        $run.Output | Should -Match ("WARNING: fw-2024-08-canary-03: " +
            "Cannot remove job 'fw-2024-08-canary-03': access denied \(not allowed here\)")
        $run.Output | Should -Match '1 of 12 job\(s\) could not be removed'
    }

    It 'exits non-zero, naming the job, when the credentials are rejected during the removal' {
        Add-TestFault $simulator @{ kind = 'Error'; operation = 'DeleteJob'; skip = 1; status = 403
            errorType = 'UnrecognizedClientException'
            message = 'The security token included in the request is expired' }

        $run = Invoke-Runbook

        $run.ExitCode | Should -Not -Be 0
        $run.Output |
            Should -Match "Cannot remove job 'fw-2024-08-canary-02': the service did not accept the credentials"
        $run.Output | Should -Not -Match 'removed\.'
    }
}
