#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Parameters as a PowerShell user tries them, under real pwsh against a simulator process: several values where
# the service takes one, bad values said plainly and in their turn, and a syntax that names what it takes.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSimulator.psm1') -Force
    $environment = Initialize-TestEnvironment
    Import-Module (Get-BuiltModule).Base -Force -ErrorAction Stop
    $simulator = Start-TestSimulator -DeletionSeconds 60
    # As the README sets a session up: the defaults name the simulator for every IotJobs command.
    $PSDefaultParameterValues['*-IotJob*:EndpointUrl'] = $simulator.Endpoint
    $PSDefaultParameterValues['*-IotJob*:Region'] = 'us-east-1'
}

AfterAll {
    $PSDefaultParameterValues.Remove('*-IotJob*:EndpointUrl')
    $PSDefaultParameterValues.Remove('*-IotJob*:Region')
    $simulator | Stop-TestSimulator
    Restore-TestEnvironment $environment
}

Describe 'Parameters at the prompt' {
    BeforeEach { Reset-TestSimulator $simulator }

    It '-Status takes several statuses, and lists each' {
        $null = Add-TestJob $simulator @(
            @{ JobId = 'running'; Status = 'IN_PROGRESS' }
            @{ JobId = 'stopped'; Status = 'CANCELED' }
            @{ JobId = 'done'; Status = 'COMPLETED' })

        $jobs = Get-IotJob -Status IN_PROGRESS, CANCELED

        $jobs.JobId | Sort-Object | Should -Be @('running', 'stopped')
        $statuses = (Get-TestRequest $simulator ListJobs).query |
            ForEach-Object { if ($_ -match 'status=(\w+)') { $Matches[1] } }
        $statuses | Sort-Object | Should -Be @('CANCELED', 'IN_PROGRESS')
    }

    It 'a bad id in the pipeline is that item''s error, in its turn, in plain words' {
        $null = Add-TestJob $simulator @(
            @{ JobId = 'ok'; Status = 'CANCELED' }
            @{ JobId = 'fine'; Status = 'CANCELED' }
        )

        # -ErrorAction Continue: the suite's runner sets $ErrorActionPreference to Stop, which would end the command.
        $out = 'ok', 'bad id!', 'fine' | Remove-IotJob -Force -PassThru -ErrorAction Continue 2>&1

        $out.Count | Should -Be 3
        $out[0].JobId | Should -Be 'ok'
        $out[1] | Should -BeOfType System.Management.Automation.ErrorRecord
        $out[1].FullyQualifiedErrorId | Should -BeLike 'InvalidJobId,*'
        "$($out[1])" | Should -Be "-JobId 'bad id!' is not valid: a job id is 1 to 64 letters, digits, '-' or '_'."
        "$($out[1])" | Should -Not -Match 'default parameter binding'
        $out[2].JobId | Should -Be 'fine'
    }

    It 'a bad execution number is worded alike by every cmdlet' {
        $get = { Get-IotJobExecution -JobId j -ThingName t -ExecutionNumber -1 } | Should -Throw -PassThru
        $remove = { Remove-IotJobExecution -JobId j -ThingName t -ExecutionNumber -1 -Force } | Should -Throw -PassThru

        $get.Exception.Message | Should -Be '-ExecutionNumber -1 is not valid: the value must be 1 or more.'
        $remove.Exception.Message | Should -Be $get.Exception.Message
        Get-TestRequest $simulator | Should -BeNullOrEmpty
    }

    It 'a long bad value is not echoed back whole' {
        $caught = { Stop-IotJob j -Comment ('c' * 2100) } | Should -Throw -PassThru

        $caught.Exception.Message | Should -Match '\(2,100 characters\)'
        $caught.Exception.Message.Length | Should -BeLessThan 300
    }

    It 'a wildcard given to Remove-IotJob says how to remove what it matches' {
        $caught = { Remove-IotJob 'fw-*' -Force } | Should -Throw -PassThru

        $caught.Exception.Message | Should -BeLike "*Get-IotJob -JobId 'fw-*' | Remove-IotJob*"
        Get-TestRequest $simulator | Should -BeNullOrEmpty
    }

    It '-Credential names what it takes in the syntax' {
        $syntax = Get-Command Remove-IotJob -Syntax

        $syntax | Should -Match '\[-Credential <AwsCredential>\]'
        $syntax | Should -Not -Match '<Object>'
        (Get-Help Remove-IotJob -Parameter Credential).type.name | Should -Be 'AwsCredential'
    }

    It '-Credential takes a PSCredential, and never shows its secret' {
        $secret = ConvertTo-SecureString 'simulator/secret/access/key/not-a-real-one' -AsPlainText -Force
        $credential = [pscredential]::new('AKIAIOTJOBSSIMULATOR', $secret)
        $null = Add-TestJob $simulator @(@{ JobId = 'ok'; Status = 'CANCELED' })

        $job = Get-IotJob ok -Credential $credential -Verbose 4>&1

        ($job | Where-Object { $_ -is [IotJobs.Model.IotJob] }).JobId | Should -Be 'ok'
        ($job | Out-String) | Should -Not -Match 'not-a-real-one'
    }
}
