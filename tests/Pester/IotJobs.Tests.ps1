#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The cmdlets against an in-memory client (no service, no network): the same behaviours the
# xUnit suite proves against the simulator. Run by ./build.ps1 -Task Test after a build.

BeforeAll {
    $root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    Import-Module (Join-Path $PSScriptRoot 'TestSimulator.psm1') -Force
    $environment = Initialize-TestEnvironment
    Import-Module (Get-BuiltModule).Base -Force -ErrorAction Stop
    Add-Type -Path (Join-Path $root 'out/IotJobs.TestDoubles/IotJobs.TestDoubles.dll')

    function New-Fleet {
        $client = [IotJobs.TestDoubles.InMemoryIotJobsClient]::new()
        $null = $client.AddJob('fw-1', 'IN_PROGRESS').AddJob('fw-2', 'IN_PROGRESS')
        $null = $client.AddJob('old-1', 'CANCELED').AddJob('old-2', 'COMPLETED')
        $null = $client.AddExecution('fw-1', 'sensor-1', 'QUEUED').AddExecution('fw-1', 'sensor:2', 'IN_PROGRESS')
        $null = $client.AddExecution('old-1', 'sensor-1', 'CANCELED')
        [IotJobs.Cmdlets.ClientOverride]::Use($client)
        $client
    }
}

AfterAll {
    [IotJobs.Cmdlets.ClientOverride]::Clear()
    Restore-TestEnvironment $environment
}

Describe 'Pipelines' {
    BeforeEach { $client = New-Fleet }

    It 'Get-IotJob | Remove-IotJob -Force removes every listed job with force' {
        Get-IotJob | Remove-IotJob -Force

        $deletes = $client.Calls | Where-Object Key -eq 'DeleteJob'
        $deletes.Value.JobId | Should -Be @('fw-1', 'fw-2', 'old-1', 'old-2')
        $deletes.Value.Force | Should -Be @($true, $true, $true, $true)
    }

    It 'Get-IotJob -Status IN_PROGRESS | Stop-IotJob passes reason and comment' {
        Get-IotJob -Status IN_PROGRESS | Stop-IotJob -ReasonCode ROLLBACK -Comment 'bad build'

        $cancels = ($client.Calls | Where-Object Key -eq 'CancelJob').Value
        $cancels.JobId | Should -Be @('fw-1', 'fw-2')
        $cancels.ReasonCode | Select-Object -Unique | Should -Be 'ROLLBACK'
        $cancels.Comment | Select-Object -Unique | Should -Be 'bad build'
        $client.StatusOf('old-2') | Should -Be 'COMPLETED'
    }

    It 'Get-IotJob -JobId | Get-IotJobExecution | Stop-IotJobExecution -Force cancels every execution of the job' {
        Get-IotJob -JobId fw-1 | Get-IotJobExecution | Stop-IotJobExecution -Force

        $client.StatusOf('fw-1', 'sensor-1') | Should -Be 'CANCELED'
        $client.StatusOf('fw-1', 'sensor:2') | Should -Be 'CANCELED'
        $cancels = ($client.Calls | Where-Object Key -eq 'CancelJobExecution').Value
        $cancels.JobId | Select-Object -Unique | Should -Be 'fw-1'
        $cancels.Force | Should -Be @($true, $true)
    }

    It 'Get-IotJobExecution -ThingName | Remove-IotJobExecution binds job, thing and execution number' {
        Get-IotJobExecution -ThingName sensor-1 | Remove-IotJobExecution -Force

        $deletes = ($client.Calls | Where-Object Key -eq 'DeleteJobExecution').Value
        $deletes.JobId | Should -Be @('fw-1', 'old-1')
        $deletes.ThingName | Select-Object -Unique | Should -Be 'sensor-1'
        $deletes.ExecutionNumber | Should -Be @(1, 3)
    }

    It 'strings pipe into -JobId' {
        'fw-1', 'fw-2' | Stop-IotJob

        ($client.Calls | Where-Object Key -eq 'CancelJob').Value.JobId | Should -Be @('fw-1', 'fw-2')
    }

    It 'objects from a CSV bind by property name' {
        "JobId,ThingName`nfw-1,sensor-1" | ConvertFrom-Csv | Stop-IotJobExecution

        $client.StatusOf('fw-1', 'sensor-1') | Should -Be 'CANCELED'
    }

    It 'a wildcard -JobId lists and filters' {
        (Get-IotJob -JobId 'old-*').JobId | Should -Be @('old-1', 'old-2')
    }

    It 'streams: Select-Object -First 1 stops paging after the first page' {
        $first = Get-IotJob | Select-Object -First 1

        $first.JobId | Should -Be 'fw-1'
        @($client.CallNames() | Where-Object { $_ -eq 'ListJobs' }).Count | Should -Be 1
    }
}

Describe 'Safety' {
    BeforeEach { $client = New-Fleet }

    It 'sends no mutating call with -WhatIf <Extra>' -ForEach @(
        @{ Extra = '' }
        @{ Extra = '-Force' }
    ) {
        $splat = @{ WhatIf = $true }
        if ($Extra) { $splat.Force = $true }
        Get-IotJob | Remove-IotJob @splat
        Get-IotJob | Stop-IotJob @splat
        Get-IotJobExecution -ThingName sensor-1 | Stop-IotJobExecution @splat

        $client.MutatingCallNames() | Should -BeNullOrEmpty
    }

    It 'sends no mutating call when $WhatIfPreference is set, as runbooks do' {
        $WhatIfPreference = $true
        try { Get-IotJob | Remove-IotJob -Force } finally { $WhatIfPreference = $false }

        $client.MutatingCallNames() | Should -BeNullOrEmpty
    }

    It '-Confirm:$false neither prompts nor sends force' {
        'old-1' | Remove-IotJob -Confirm:$false

        ($client.Calls | Where-Object Key -eq 'DeleteJob').Value.Force | Should -BeNullOrEmpty
        $client.StatusOf('old-1') | Should -Be 'DELETION_IN_PROGRESS'
    }

    It 'declares ConfirmImpact <Impact> for <Command>' -ForEach @(
        @{ Command = 'Remove-IotJob'; Impact = 'High' }
        @{ Command = 'Remove-IotJobExecution'; Impact = 'High' }
        @{ Command = 'Stop-IotJob'; Impact = 'Medium' }
        @{ Command = 'Stop-IotJobExecution'; Impact = 'Medium' }
    ) {
        $type = (Get-Command $Command).ImplementingType
        $attribute = $type.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
        $attribute.ConfirmImpact | Should -Be $Impact
        $attribute.SupportsShouldProcess | Should -BeTrue
    }
}

Describe 'Errors' {
    BeforeEach { $client = New-Fleet }

    It 'a missing job is a non-terminating ObjectNotFound error and the next item is processed' {
        'missing', 'old-1' | Remove-IotJob -Force -ErrorVariable errs -ErrorAction SilentlyContinue

        $errs.Count | Should -Be 1
        $errs[0].FullyQualifiedErrorId | Should -Be 'NotFound,IotJobs.Cmdlets.RemoveIotJobCommand'
        $errs[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errs[0].TargetObject.JobId | Should -Be 'missing'
        $client.StatusOf('old-1') | Should -Be 'DELETION_IN_PROGRESS'
    }

    It 'an in-progress item without -Force says to add -Force' {
        Stop-IotJobExecution -JobId fw-1 -ThingName sensor:2 -ErrorVariable errs -ErrorAction SilentlyContinue

        $errs[0].FullyQualifiedErrorId | Should -Be 'InvalidStateTransition,IotJobs.Cmdlets.StopIotJobExecutionCommand'
        $errs[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
        $errs[0].ErrorDetails.RecommendedAction | Should -Match 'Add -Force'
    }

    It '-ErrorAction Stop makes the error terminating' {
        { 'missing', 'old-1' | Remove-IotJob -Force -ErrorAction Stop } |
            Should -Throw -ErrorId 'NotFound,IotJobs.Cmdlets.RemoveIotJobCommand'
        $client.StatusOf('old-1') | Should -Be 'CANCELED'
    }

    It '$? is false after an item error' {
        Remove-IotJob -JobId missing -Force -ErrorAction SilentlyContinue
        $ok = $?
        $ok | Should -BeFalse
    }

    It 'a version conflict names the expected and the current version' {
        Stop-IotJobExecution -JobId fw-1 -ThingName sensor-1 -ExpectedVersion 9 `
            -ErrorVariable errs -ErrorAction SilentlyContinue

        $errs[0].FullyQualifiedErrorId | Should -Be 'VersionConflict,IotJobs.Cmdlets.StopIotJobExecutionCommand'
        $errs[0].ErrorDetails.Message | Should -Match 'at version 1, not the expected version 9'
    }
}

Describe 'Validation' {
    BeforeEach { $client = New-Fleet }

    # Values that name an item are checked by the cmdlet (so that a bad piped one is that item's error in its
    # turn): given on the command line, they end the command with the cmdlet's own error. The others fail in
    # parameter binding.
    It 'refuses <Case> before any call' -ForEach @(
        @{ Case = 'an invalid job id'; ErrorId = 'InvalidJobId,*'; Script = { Remove-IotJob -JobId 'bad id' -Force } }
        @{ Case = 'a lower-case reason code'; ErrorId = 'ParameterArgumentValidationError*'
            Script = { Stop-IotJob -JobId fw-1 -ReasonCode rollback } }
        @{ Case = 'more than 10 status details'; ErrorId = 'ParameterArgumentValidationError*'; Script = {
                $d = @{}; 1..11 | ForEach-Object { $d["k$_"] = 'v' }
                Stop-IotJobExecution -JobId fw-1 -ThingName sensor-1 -StatusDetails $d } }
        @{ Case = 'an execution number below 1'; ErrorId = 'InvalidExecutionNumber,*'; Script = {
                Remove-IotJobExecution -JobId fw-1 -ThingName sensor-1 -ExecutionNumber 0 -Force } }
        @{ Case = 'an invalid thing name'; ErrorId = 'InvalidThingName,*'
            Script = { Stop-IotJobExecution -JobId fw-1 -ThingName 'a b' } }
    ) {
        $Script | Should -Throw -ErrorId $ErrorId
        $client.CallNames() | Should -BeNullOrEmpty
    }
}

Describe 'Output' {
    BeforeEach { $client = New-Fleet }

    It 'writes sealed IotJobs.Model types' {
        $job = Get-IotJob -JobId fw-1
        $job | Should -BeOfType ([IotJobs.Model.IotJob])
        $job.GetType().IsSealed | Should -BeTrue
        Get-IotJobExecution -JobId fw-1 | Should -BeOfType ([IotJobs.Model.IotJobExecution])
    }

    It '-PassThru writes the updated object' {
        $job = Stop-IotJob -JobId fw-1 -PassThru
        $job.Status | Should -Be 'CANCELED'

        $execution = Stop-IotJobExecution -JobId fw-1 -ThingName sensor-1 -PassThru
        $execution.Status | Should -Be 'CANCELED'
        $execution.VersionNumber | Should -Be 2
    }

    It 'writes nothing without -PassThru' {
        Stop-IotJob -JobId fw-2 | Should -BeNullOrEmpty
    }
}

Describe 'Formatting, help and completion' {
    BeforeEach { $client = New-Fleet }

    It 'renders jobs and executions as tables whose key columns fit <Width> columns' -ForEach @(
        @{ Width = 80; Job = '^JobId\s+Status\s+Created \(UTC\)$'; Execution = '^JobId\s+ThingName\s+Number\s+Status$' }
        @{ Width = 120
            Job = '^JobId\s+Status\s+Created \(UTC\)\s+Executions\s+Completed \(UTC\)\s+Selection$'
            Execution = '^JobId\s+ThingName\s+Number\s+Status\s+Version\s+Updated \(UTC\)$' }
    ) {
        $lines = (Get-IotJob | Out-String -Width $Width) -split "`n" | ForEach-Object TrimEnd | Where-Object { $_ }
        $lines[0] | Should -Match $Job
        $lines | ForEach-Object { $_.Length | Should -BeLessOrEqual $Width }

        $lines = (Get-IotJobExecution -JobId fw-1 | Out-String -Width $Width) -split "`n" |
            ForEach-Object TrimEnd | Where-Object { $_ }
        $lines[0] | Should -Match $Execution
        $lines | Where-Object { $_ -match '^fw-1\s+sensor:2\s+\d+\s+IN_PROGRESS' } | Should -Not -BeNullOrEmpty
    }

    It 'has list views with the details' {
        Get-IotJob -JobId fw-1 | Format-List | Out-String | Should -Match 'ProcessDetails\s+:\s+2 executions'
        Get-IotJobExecution -JobId fw-1 -ThingName sensor-1 | Format-List | Out-String |
            Should -Match 'VersionNumber\s+:\s+1'
    }

    It 'has help with examples for <Command>' -ForEach @(
        @{ Command = 'Get-IotJob' }, @{ Command = 'Get-IotJobExecution' }, @{ Command = 'Stop-IotJob' },
        @{ Command = 'Stop-IotJobExecution' }, @{ Command = 'Remove-IotJob' }, @{ Command = 'Remove-IotJobExecution' }
    ) {
        $help = Get-Help $Command -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        @($help.examples.example).Count | Should -BeGreaterOrEqual 3
        $help.parameters.parameter | ForEach-Object { $_.description | Should -Not -BeNullOrEmpty }
    }

    It 'has the about_IotJobs topic' {
        Get-Help about_IotJobs | Out-String | Should -Match 'THE DELETION LIMIT'
    }

    It 'completes -Status from the enum and -JobId from the service' {
        (TabExpansion2 'Get-IotJob -Status IN').CompletionMatches.CompletionText | Should -Be 'IN_PROGRESS'
        (TabExpansion2 'Remove-IotJob -JobId old-').CompletionMatches.CompletionText | Should -Be @('old-1', 'old-2')
    }
}
