#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# -Debug at the prompt, as an administrator uses it: in a fresh `pwsh -NonInteractive` (where any prompt fails the
# command), a line per request and per retry, wait or look of the resilience policy, never a question, and never a
# secret key, a session token or a signature. -Verbose keeps its one short line per request.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSimulator.psm1') -Force
    $environment = Initialize-TestEnvironment
    $simulator = Start-TestSimulator -Demo
    # Temporary credentials, as an SSO or assume-role session has them: the token travels with every request.
    $keys = @{
        AccessKeyId = 'ASIAIOTJOBSDEBUGTEST'
        SecretAccessKey = 'debug/secret/key/that-must-never-show'
        SessionToken = 'IQoJb3JpZ2luX2VjEDebugSessionTokenThatMustNeverShow0123456789'
    }
    $null = Invoke-RestMethod -Method Post -Uri "$($simulator.Endpoint)/_simulator/credentials" `
        -ContentType 'application/json' -Body (@{ accessKeyId = $keys.AccessKeyId
            secretAccessKey = $keys.SecretAccessKey; sessionToken = $keys.SessionToken } | ConvertTo-Json)

    <# Runs the lines at a fresh pwsh -NonInteractive prompt, signed with the temporary credentials. #>
    function Invoke-AtPrompt([string] $Lines) {
        $script = Join-Path $TestDrive 'debug.ps1'
        @(
            "`$PSStyle.OutputRendering = 'PlainText'"
            "Import-Module '$((Get-BuiltModule).Base)' -ErrorAction Stop"
            "`$env:AWS_ACCESS_KEY_ID = '$($keys.AccessKeyId)'"
            "`$env:AWS_SECRET_ACCESS_KEY = '$($keys.SecretAccessKey)'"
            "`$env:AWS_SESSION_TOKEN = '$($keys.SessionToken)'"
            "`$env:AWS_REGION = 'us-east-1'"
            "`$env:AWS_ENDPOINT_URL_IOT = '$($simulator.Endpoint)'"
            $Lines
            "'-- the end --'"
        ) | Set-Content -Path $script
        $output = Invoke-PwshFile $script
        [pscustomobject]@{
            ExitCode = $LASTEXITCODE
            Output = $output
            # Written to a pipe, the host does not wrap its lines.
            Lines = @($output -split '\r?\n')
        }
    }
}

AfterAll {
    $simulator | Stop-TestSimulator
    Restore-TestEnvironment $environment
}

Describe 'Get-IotJob -Debug at a pwsh -NonInteractive prompt' {
    BeforeEach { Reset-TestSimulator $simulator -Demo }

    It 'completes, with a debug line for the request and no question' {
        $run = Invoke-AtPrompt "Get-IotJob fw-2024-11-rollout -Debug | Format-List JobId, Status"

        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Output | Should -Not -Match 'NonInteractive mode|Continue with this operation' -Because $run.Output
        $run.Output | Should -Match '(?m)^JobId\s+: fw-2024-11-rollout'
        $run.Output | Should -Match '(?m)^-- the end --'
        $debug = @($run.Lines | Where-Object { $_ -like 'DEBUG: *' })
        $debug.Count | Should -Be 1 -Because $run.Output
        $debug[0] | Should -Match ('^DEBUG: DescribeJob attempt 1: GET http://127\.0\.0\.1:\d+/jobs/' +
            'fw-2024-11-rollout -> 200; request id [0-9a-f-]{36}; \d+ ms\.$')
        $run.Lines | Where-Object { $_ -like 'VERBOSE: *' } |
            Should -BeNullOrEmpty -Because 'the debug line says all it says'
    }

    It 'shows the throttle wait, the transient retry, the pacing and the look after a lost answer' {
        Add-TestFault $simulator @{ kind = 'Throttle'; operation = 'DescribeJob'; times = 1 }
        Add-TestFault $simulator @{ kind = 'ServiceUnavailable'; operation = 'DescribeJob'; times = 1 }
        Add-TestFault $simulator @{ kind = 'ConnectionReset'; operation = 'CancelJob'; times = 1
            afterApplying = $true }

        $run = Invoke-AtPrompt @'
Get-IotJob fw-2024-11-rollout -Debug | Out-Null
Stop-IotJob fw-2024-11-rollout -Force -Debug
'@

        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Output | Should -Match '(?m)^-- the end --' -Because $run.Output
        $debug = @($run.Lines | Where-Object { $_ -like 'DEBUG: *' }) -join "`n"
        $debug | Should -Match ('DEBUG: DescribeJob attempt 1: GET \S+ -> 400 ThrottlingException; request id ' +
            '[0-9a-f-]{36}; \d+ ms\.')
        $debug | Should -Match 'DEBUG: DescribeJob attempt 1: throttled \(ThrottlingException\); sent again in \d+ ms'
        $debug | Should -Match 'DEBUG: DescribeJob attempt 1 of 3 failed \(ServiceUnavailableException\); attempt 2 in'
        $debug | Should -Match ('DEBUG: DescribeJob attempt 2: GET \S+ -> 200; .*, ' +
            'after [\d,]+ ms waiting for the pace\.')
        $debug | Should -Match 'DEBUG: CancelJob attempt 1: the answer was lost \(\S+\); looking at the item'
        $debug | Should -Match 'DEBUG: CancelJob attempt 1: the look shows the change applied; it counts as done'
        (Get-TestRequest $simulator CancelJob).Count | Should -Be 1 -Because 'an applied change is not sent again'
    }

    It 'asks nothing where $DebugPreference is Inquire, as -Debug makes it in Windows PowerShell' {
        $run = Invoke-AtPrompt @'
function Remove-OldJob {
    [CmdletBinding()] param()
    $DebugPreference = 'Inquire'   # what Windows PowerShell 5.1 sets in a function called with -Debug
    Get-IotJob fw-2024-11-rollout | Out-Null
    Remove-IotJob config-rotate-certs -Force
}
Remove-OldJob
'@

        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Output | Should -Not -Match 'NonInteractive mode|Continue with this operation' -Because $run.Output
        $run.Output | Should -Match '(?m)^DEBUG: DescribeJob attempt 1: GET '
        $run.Output | Should -Match '(?m)^DEBUG: DeleteJob attempt 1: DELETE '
        (Get-TestRequest $simulator DeleteJob).Count | Should -Be 1
    }

    It 'never shows the secret key, the session token or a signature' {
        Add-TestFault $simulator @{ kind = 'Throttle'; times = 1 }
        Add-TestFault $simulator @{ kind = 'Error'; operation = 'DescribeJob'; status = 403
            errorType = 'AccessDeniedException'; message = 'not allowed'; skip = 1; times = 1 }

        $run = Invoke-AtPrompt @'
Get-IotJob -Debug -Verbose | Out-Null
Get-IotJob fw-2024-11-rollout -Debug -Verbose
Get-IotJob fw-2024-11-rollout -Debug -Verbose -ErrorAction SilentlyContinue -ErrorVariable e
$e | Format-List * -Force
Remove-IotJob config-rotate-certs -Force -Wait -PassThru -Debug -Verbose
'@

        $run.Output | Should -Match 'DEBUG: ListJobs attempt 1: GET ' -Because 'the debug lines were written'
        (Get-TestRequest $simulator | Where-Object operation -eq DeleteJob).Count | Should -Be 1
        foreach ($secret in $keys.SecretAccessKey, $keys.SessionToken, 'Signature=', 'Authorization',
            'X-Amz-Security-Token', 'X-Amz-Signature', 'Credential=') {
            $run.Output | Should -Not -Match ([regex]::Escape($secret))
        }
    }
}

Describe 'Get-IotJob -Verbose at a pwsh -NonInteractive prompt' {
    BeforeAll { Reset-TestSimulator $simulator -Demo }

    It 'keeps its one short line per request, and no debug line' {
        $run = Invoke-AtPrompt "Get-IotJob fw-2024-11-rollout -Verbose | Out-Null"

        $run.ExitCode | Should -Be 0 -Because $run.Output
        $verbose = @($run.Lines | Where-Object { $_ -like 'VERBOSE: *' })
        $verbose.Count | Should -Be 1 -Because $run.Output
        $verbose[0] | Should -Match ('^VERBOSE: GET http://127\.0\.0\.1:\d+/jobs/fw-2024-11-rollout -> 200 ' +
            '\(attempt 1, request id [0-9a-f-]{36}, \d+ ms\)$')
        $run.Lines | Where-Object { $_ -like 'DEBUG: *' } | Should -BeNullOrEmpty
    }
}
