#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Exactly the item meant, under real pwsh against simulators started as processes: filters honoured, executions
# refused by the job cmdlets, several regions and accounts, namespaces, CSV round trips.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSimulator.psm1') -Force
    $environment = Initialize-TestEnvironment
    Import-Module (Get-BuiltModule).Base -Force -ErrorAction Stop
    $home_ = Start-TestSimulator -Region us-east-1 -DeletionSeconds 1
    $eu = Start-TestSimulator -Region eu-west-1 -DeletionSeconds 1
    # The session's own connection is the home simulator, as AWS_ENDPOINT_URL_IOT and Set-DefaultAWSRegion would
    # make it.
    $env:AWS_ENDPOINT_URL_IOT = $home_.Endpoint
    $global:StoredAWSRegion = 'us-east-1'

    function Mutations($Simulator) { @(Get-TestRequest $Simulator | Where-Object { $_.method -in 'PUT', 'DELETE' }) }
}

AfterAll {
    Remove-Item env:AWS_ENDPOINT_URL_IOT -ErrorAction Ignore
    Remove-Variable StoredAWSRegion -Scope Global -ErrorAction Ignore
    $home_, $eu | Stop-TestSimulator
    Restore-TestEnvironment $environment
}

Describe 'Item identity' {
    BeforeEach {
        Reset-TestSimulator $home_
        Reset-TestSimulator $eu
    }

    It '1. -ExecutionNumber with -JobId alone is honoured: only that execution is removed' {
        $seeded = Add-TestJob $home_ @(@{ JobId = 'fw-2024-11-rollout'; Status = 'CANCELED'; Executions = @(
            @{ ThingName = 'sensor-01'; Status = 'CANCELED' }
            @{ ThingName = 'sensor-02'; Status = 'CANCELED' }
            @{ ThingName = 'sensor-03'; Status = 'CANCELED' }) })
        $third = $seeded.executions[2].executionNumber

        Get-IotJobExecution -JobId fw-2024-11-rollout -ExecutionNumber $third | Remove-IotJobExecution -Force

        (Mutations $home_).path | Should -Be "/things/sensor-03/jobs/fw-2024-11-rollout/executionNumber/$third"
    }

    It '2. an execution piped to <Command> is refused, naming <ExecutionCmdlet>' -ForEach @(
        @{ Command = 'Remove-IotJob'; ExecutionCmdlet = 'Remove-IotJobExecution' }
        @{ Command = 'Stop-IotJob'; ExecutionCmdlet = 'Stop-IotJobExecution' }
    ) {
        $null = Add-TestJob $home_ @(
            @{ JobId = 'fw-a'; Executions = @(@{ ThingName = 'sensor-03' }) }
            @{ JobId = 'fw-b'; Executions = @(@{ ThingName = 'sensor-03' }) })

        Get-IotJobExecution -ThingName sensor-03 | & $Command -Force -ErrorVariable errs -ErrorAction SilentlyContinue

        Mutations $home_ | Should -BeNullOrEmpty
        $errs.Count | Should -Be 2
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'ExecutionNotJob,*'
        $errs[0].ErrorDetails.RecommendedAction |
            Should -BeLike "*use $ExecutionCmdlet*ForEach-Object JobId | Sort-Object -Unique*"
    }

    It '3. jobs listed in eu-west-1 are removed in eu-west-1, not in the default region' {
        foreach ($sim in $home_, $eu) {
            $null = Add-TestJob $sim @(
                @{ JobId = 'fw-1'; Status = 'CANCELED' }, @{ JobId = 'fw-2'; Status = 'CANCELED' })
        }

        Get-IotJob -Region eu-west-1 -EndpointUrl $eu.Endpoint | Remove-IotJob -Force

        @(Get-TestRequest $eu DeleteJob).Count | Should -Be 2
        Mutations $home_ | Should -BeNullOrEmpty
    }

    It '3. a -Region that contradicts where the jobs were found is refused, with nothing sent anywhere' {
        $null = Add-TestJob $eu @(@{ JobId = 'fw-1'; Status = 'CANCELED' })

        Get-IotJob -Region eu-west-1 -EndpointUrl $eu.Endpoint |
            Remove-IotJob -Force -Region us-east-1 -ErrorVariable errs -ErrorAction SilentlyContinue

        $errs.FullyQualifiedErrorId | Should -Be 'WrongRegion,IotJobs.Cmdlets.RemoveIotJobCommand'
        $errs[0].ErrorDetails.Message | Should -Be ("Cannot remove job 'fw-1': it was found in eu-west-1, " +
            'but this command was given -Region us-east-1. Nothing was sent.')
        Mutations $eu | Should -BeNullOrEmpty
        Get-TestRequest $home_ | Should -BeNullOrEmpty
    }

    It '3. jobs read with a profile are removed with it, in its account, and refused for another account' {
        Add-TestCredential $home_ -AccessKeyId AKIASTAGINGPESTER01 -SecretAccessKey staging-secret `
            -AccountId 210987654321
        foreach ($account in '123456789012', '210987654321') {
            $jobs = @(@{ JobId = 'fw-1'; Status = 'CANCELED' }, @{ JobId = 'fw-2'; Status = 'CANCELED' })
            $null = Add-TestJob $home_ $jobs -AccountId $account
        }
        Set-Content $env:AWS_SHARED_CREDENTIALS_FILE -Value @(
            '[staging]', 'aws_access_key_id = AKIASTAGINGPESTER01', 'aws_secret_access_key = staging-secret'
            '[prod]', "aws_access_key_id = $env:AWS_ACCESS_KEY_ID"
            "aws_secret_access_key = $env:AWS_SECRET_ACCESS_KEY")
        try {
            Get-IotJob -ProfileName staging -JobId fw-1 | Remove-IotJob -Force
            Get-IotJob -ProfileName staging -JobId fw-2 |
                Remove-IotJob -Force -ProfileName prod -ErrorVariable errs -ErrorAction SilentlyContinue
        }
        finally { Set-Content $env:AWS_SHARED_CREDENTIALS_FILE -Value '' }

        $deletes = @(Get-TestRequest $home_ DeleteJob)
        $deletes.path | Should -Be '/jobs/fw-1'
        $deletes[0].credentialScope | Should -BeLike 'AKIASTAGINGPESTER01/*'
        $errs.FullyQualifiedErrorId | Should -Be 'WrongAccount,IotJobs.Cmdlets.RemoveIotJobCommand'
        $errs[0].ErrorDetails.Message | Should -BeLike ('*belongs to account 210987654321, ' +
            'but this command''s credentials belong to account 123456789012*')
    }

    It '4. a job listed by namespace keeps it, and an exported CSV imports back into Remove-IotJob' {
        $null = Add-TestJob $home_ @(
            @{ JobId = 'greengrass-deploy-7'; Status = 'CANCELED'; NamespaceId = 'aws-gg-deployment' }
            @{ JobId = 'old-1'; Status = 'CANCELED' })
        $csv = Join-Path $TestDrive 'jobs.csv'

        # A namespaced job is Greengrass's: removing it takes -AllowServiceOwned, and its namespace goes with it.
        Get-IotJob -NamespaceId aws-gg-deployment | Remove-IotJob -Confirm:$false -AllowServiceOwned
        Get-IotJob -JobId old-1 | Export-Csv -Path $csv
        Import-Csv -Path $csv | Remove-IotJob -WhatIf -ErrorVariable errs

        $errs | Should -BeNullOrEmpty
        (Get-TestRequest $home_ DeleteJob).query | Should -Be 'namespaceId=aws-gg-deployment'
    }

    It '5. <Command> on a <Status> job is predicted as the service answers: <Warning>' -ForEach @(
        @{ Command = 'Stop-IotJob'; Status = 'COMPLETED'; Advice = ''
            Warning = 'it has already finished (COMPLETED), so the service will refuse it' }
        @{ Command = 'Remove-IotJob'; Status = 'DELETION_IN_PROGRESS'; Advice = ''
            Warning = 'it is already being deleted, so the service will refuse it' }
        @{ Command = 'Remove-IotJob'; Status = 'IN_PROGRESS'; Advice = 'Add -Force to remove it*'
            Warning = 'the service will refuse it without -Force' }
    ) {
        $null = Add-TestJob $home_ @(@{ JobId = 'j'; Status = $Status })

        $whatIf = Get-HostOutput { & $Command -JobId j -WhatIf }
        & $Command -JobId j -Confirm:$false -ErrorVariable errs -ErrorAction SilentlyContinue

        $whatIf | Should -BeLike "*; $Warning.*"
        $errs[0].FullyQualifiedErrorId | Should -BeLike 'InvalidStateTransition,*'
        $errs[0].ErrorDetails.RecommendedAction | Should -BeLike $Advice
    }

    It '6. -Confirm:$false and -Force removals read nothing first; -PassThru writes the full job either way' {
        $null = Add-TestJob $home_ (1..20 | ForEach-Object {
                @{ JobId = "old-$_"; Status = 'CANCELED'; Description = 'old build' } })

        Get-IotJob -Status CANCELED -JobId 'old-1?' | Remove-IotJob -Confirm:$false
        $passThru = Get-IotJob -JobId 'old-[2-9]' | Remove-IotJob -Force -PassThru

        # old-10..old-19 and old-2..old-9; a deletion met by the service's limit is sent again once a place is free.
        @(Get-TestRequest $home_ DeleteJob | Where-Object status -eq 200).Count | Should -Be 18
        @(Get-TestRequest $home_ DescribeJob).Count | Should -Be 8   # -PassThru reads each job in full, once
        $passThru.Description | Select-Object -Unique | Should -Be 'old build'
        $passThru.Status | Select-Object -Unique | Should -Be 'DELETION_IN_PROGRESS'
    }
}
