#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Tab completion under real pwsh, asked for as the console asks for it, against simulator processes: it reaches the
# service the way the command would (its defaults in $PSDefaultParameterValues, -ProfileName, the environment,
# AWS.Tools' session defaults, the test seam), quietly and quickly.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSimulator.psm1') -Force
    $environment = Initialize-TestEnvironment
    Import-Module (Get-BuiltModule).Base -Force -ErrorAction Stop
    Import-Module PSReadLine -ErrorAction Stop
    Add-Type -Path (Join-Path $PSScriptRoot '../../out/IotJobs.TestDoubles/IotJobs.TestDoubles.dll')

    <#
        What Tab offers at the end of $Line, asked as the console asks: PSReadLine, from inside its own module, runs
        CommandCompletion on the current runspace, which calls TabExpansion2.
    #>
    function Complete-AtPrompt([string] $Line) {
        & (Get-Module PSReadLine) {
            param($Line)
            $ps = [PowerShell]::Create([System.Management.Automation.RunspaceMode]::CurrentRunspace)
            try {
                $completion = [System.Management.Automation.CommandCompletion]::CompleteInput(
                    $Line, $Line.Length, $null, $ps)
                @($completion.CompletionMatches.CompletionText)
            }
            finally { $ps.Dispose() }
        } $Line
    }

    <# What TabExpansion2 offers when a script (or another host) calls it from its own scope. #>
    function Complete-InScript([string] $Line) {
        @((TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText)
    }

    # The first command of a process loads the AWS SDK: done here, so that no test's wait includes it.
    $warm = Start-TestSimulator
    $null = Get-IotJob -EndpointUrl $warm.Endpoint -Region us-east-1
    $warm | Stop-TestSimulator
}

AfterAll {
    Restore-TestEnvironment $environment
}

Describe 'Tab completion' {
    BeforeEach {
        # A simulator of its own for each test: completion keeps what it read for half a minute, per source.
        $sim = Start-TestSimulator
        $null = Add-TestJob $sim @(
            @{ JobId = 'fw-1'; Executions = @(@{ ThingName = 'sensor-1' }; @{ ThingName = 'sensor:2' }) }
            @{ JobId = 'fw-2'; Executions = @(@{ ThingName = 'gateway' }) }
            @{ JobId = 'cfg-1' })
        Add-TestThing $sim 'sensor-spare'
        $errorsBefore = $Error.Count
    }

    AfterEach {
        $PSDefaultParameterValues.Remove('*-IotJob*:EndpointUrl')
        $PSDefaultParameterValues.Remove('*-IotJob*:Region')
        $PSDefaultParameterValues.Remove('*-IotJob*:ProfileName')
        Remove-Item env:AWS_ENDPOINT_URL_IOT, env:AWS_REGION -ErrorAction Ignore
        Remove-Variable StoredAWSCredentials, StoredAWSRegion -Scope Global -ErrorAction Ignore
        Set-Content -Path $env:AWS_SHARED_CREDENTIALS_FILE, $env:AWS_CONFIG_FILE -Value ''
        [IotJobs.Cmdlets.ClientOverride]::Clear()
        $sim | Stop-TestSimulator
        # Completion never leaves an error behind.
        $Error.Count | Should -Be $errorsBefore
    }

    Context 'reaches the service the way the command would' {
        It 'with $PSDefaultParameterValues set as the README sets them, at the prompt and in a script' {
            $PSDefaultParameterValues['*-IotJob*:EndpointUrl'] = $sim.Endpoint
            $PSDefaultParameterValues['*-IotJob*:Region'] = 'us-east-1'

            Complete-AtPrompt 'Get-IotJob -JobId fw' | Should -Be @('fw-1', 'fw-2')
            Complete-AtPrompt 'Remove-IotJob -JobId c' | Should -Be @('cfg-1')
            Complete-InScript 'Stop-IotJob -JobId fw-2' | Should -Be @('fw-2')

            # One request for the first press (up to 250 jobs a page); the next presses are answered from what it read.
            $listings = @(Get-TestRequest $sim ListJobs)
            $listings.Count | Should -Be 1
            $listings[0].query | Should -Match 'maxResults=250'
        }

        It 'with the environment alone: AWS_ENDPOINT_URL_IOT, AWS_REGION and keys' {
            $env:AWS_ENDPOINT_URL_IOT = $sim.Endpoint
            $env:AWS_REGION = 'us-east-1'

            Complete-AtPrompt 'Get-IotJob -JobId fw' | Should -Be @('fw-1', 'fw-2')
            Complete-InScript 'Get-IotJob -JobId cfg' | Should -Be @('cfg-1')
        }

        It 'with -ProfileName <How>, from the shared config and credentials files' -ForEach @(
            @{ How = 'on the command line'; Line = 'Get-IotJob -ProfileName ops -JobId ' }
            @{ How = 'in $PSDefaultParameterValues'; Line = 'Get-IotJob -JobId '; Default = $true }
        ) {
            # The profile's keys belong to another account, whose jobs only it sees; its region is the only one given.
            Add-TestCredential $sim -AccessKeyId AKIAOPSPROFILE -SecretAccessKey ops-secret -AccountId 444455556666
            $null = Add-TestJob $sim @(@{ JobId = 'ops-only' }) -AccountId 444455556666
            Set-Content $env:AWS_CONFIG_FILE "[profile ops]`nregion = us-east-1"
            Set-Content $env:AWS_SHARED_CREDENTIALS_FILE @(
                '[ops]', 'aws_access_key_id = AKIAOPSPROFILE', 'aws_secret_access_key = ops-secret')
            $env:AWS_ENDPOINT_URL_IOT = $sim.Endpoint
            if ($Default) { $PSDefaultParameterValues['*-IotJob*:ProfileName'] = 'ops' }

            Complete-AtPrompt $Line | Should -Be @('ops-only')
            (Get-TestRequest $sim ListJobs).credentialScope |
                Should -BeLike 'AKIAOPSPROFILE/*/us-east-1/iot/aws4_request'
        }

        It 'with AWS.Tools'' session defaults: $StoredAWSCredentials and $StoredAWSRegion' {
            class FakeImmutableCredentials { [string]$AccessKey; [string]$SecretKey; [string]$Token }
            class FakeAwsCredentials {
                [string]$a; [string]$s
                FakeAwsCredentials([string]$a, [string]$s) { $this.a = $a; $this.s = $s }
                [object] GetCredentials() {
                    return [FakeImmutableCredentials]@{ AccessKey = $this.a; SecretKey = $this.s }
                }
            }
            class FakeAwsPSCredentials { [object]$Credentials; [string]$Name }
            Add-TestCredential $sim -AccessKeyId AKIAFROMAWSTOOLS -SecretAccessKey tools-secret -AccountId 777788889999
            $null = Add-TestJob $sim @(@{ JobId = 'tools-only' }) -AccountId 777788889999
            $global:StoredAWSCredentials = [FakeAwsPSCredentials]@{
                Name = 'ops'; Credentials = [FakeAwsCredentials]::new('AKIAFROMAWSTOOLS', 'tools-secret') }
            $global:StoredAWSRegion = 'us-east-1'
            $env:AWS_ENDPOINT_URL_IOT = $sim.Endpoint

            Complete-AtPrompt 'Get-IotJob -JobId t' | Should -Be @('tools-only')
        }

        It 'with the test seam, [IotJobs.Cmdlets.ClientOverride]' {
            $double = [IotJobs.TestDoubles.InMemoryIotJobsClient]::new()
            $null = $double.AddJob('fw-9').AddExecution('fw-9', 'probe-1').AddThing('probe:2')
            [IotJobs.Cmdlets.ClientOverride]::Use($double)

            Complete-AtPrompt 'Get-IotJob -JobId f' | Should -Be @('fw-9')
            Complete-AtPrompt 'Get-IotJobExecution -ThingName pro' | Should -Be @('probe-1', "'probe:2'")
            $double.CallNames() | Should -Contain 'ListThings'
            Get-TestRequest $sim | Should -BeNullOrEmpty
        }
    }

    Context 'thing names' {
        BeforeEach {
            $PSDefaultParameterValues['*-IotJob*:EndpointUrl'] = $sim.Endpoint
            $PSDefaultParameterValues['*-IotJob*:Region'] = 'us-east-1'
        }

        It 'complete on their own, from the things of the registry, quoted where they hold a colon' {
            Complete-AtPrompt 'Get-IotJobExecution -ThingName sen' |
                Should -Be @('sensor-1', 'sensor-spare', "'sensor:2'")
            Complete-AtPrompt 'Stop-IotJobExecution -ThingName g' | Should -Be @('gateway')

            @(Get-TestRequest $sim ListThings).Count | Should -Be 1
        }

        It 'with -JobId, complete from the things running that job' {
            Complete-AtPrompt 'Get-IotJobExecution -JobId fw-1 -ThingName ' | Should -Be @('sensor-1', "'sensor:2'")
            Complete-AtPrompt 'Remove-IotJobExecution fw-2 ' | Should -Be @('gateway')

            (Get-TestRequest $sim).operation | Sort-Object -Unique | Should -Be 'ListJobExecutionsForJob'
        }
    }

    Context 'quietly and quickly' {
        It 'a service that refuses gives no names, at once' {
            Add-TestFault $sim @{ kind = 'Error'; status = 403; errorType = 'AccessDeniedException'; message = 'no' }
            $PSDefaultParameterValues['*-IotJob*:EndpointUrl'] = $sim.Endpoint
            $PSDefaultParameterValues['*-IotJob*:Region'] = 'us-east-1'

            $watch = [System.Diagnostics.Stopwatch]::StartNew()
            $offered = Complete-AtPrompt 'Get-IotJobExecution -ThingName s'
            $took = $watch.Elapsed

            $offered | Should -BeNullOrEmpty
            $took.TotalSeconds | Should -BeLessThan 3
            @(Get-TestRequest $sim ListThings).Count | Should -Be 1
        }

        It 'a silent service gives no names within the bounded wait, and the next press does not wait again' {
            # A listener that never accepts: the connection is made, the request sent, and no answer ever comes.
            $silent = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
            $silent.Start()
            try {
                $endpoint = "http://127.0.0.1:$($silent.LocalEndpoint.Port)"
                $line = "Get-IotJob -EndpointUrl $endpoint -Region us-east-1 -JobId "

                $watch = [System.Diagnostics.Stopwatch]::StartNew()
                Complete-AtPrompt $line | Should -BeNullOrEmpty
                $first = $watch.Elapsed
                $watch.Restart()
                Complete-AtPrompt $line | Should -BeNullOrEmpty
                $next = $watch.Elapsed

                $first.TotalSeconds | Should -BeLessThan 5
                $next.TotalSeconds | Should -BeLessThan 1
            }
            finally { $silent.Stop() }
        }

        It 'a profile that does not exist gives no names, and no error' {
            $env:AWS_ENDPOINT_URL_IOT = $sim.Endpoint

            Complete-AtPrompt 'Get-IotJob -ProfileName missing -JobId ' | Should -BeNullOrEmpty
            Get-TestRequest $sim | Should -BeNullOrEmpty
        }
    }
}
