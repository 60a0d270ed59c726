#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Objects and files as a PowerShell admin expects them, under real pwsh against simulators started as processes:
# job configurations as typed objects, list views, executions listed per thing, and backup files.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSimulator.psm1') -Force
    $environment = Initialize-TestEnvironment
    $module = Get-BuiltModule
    Import-Module $module.Base -Force -ErrorAction Stop
    $simulator = Start-TestSimulator -Region us-east-1 -DeletionSeconds 1
    $china = Start-TestSimulator -Region cn-north-1 -DeletionSeconds 1
    $env:AWS_ENDPOINT_URL_IOT = $simulator.Endpoint
    $global:StoredAWSRegion = 'us-east-1'

    # Seeded as JSON text, so that the configurations reach the simulator exactly as written here.
    function Add-JsonJob($Simulator, [string] $Json) {
        $uri = "$($Simulator.Endpoint)/_simulator/jobs"
        $null = Invoke-RestMethod -Method Post -Uri $uri -Body $Json -ContentType 'application/json'
    }

    # Every structured configuration of the current model, as the simulator answers it (compact, in this order).
    $configurations = [ordered]@{
        abortConfig = '{"criteriaList":[{"failureType":"FAILED","action":"CANCEL","thresholdPercentage":50.5,' +
            '"minNumberOfExecutedThings":10}]}'
        timeoutConfig = '{"inProgressTimeoutInMinutes":60}'
        jobExecutionsRolloutConfig = '{"maximumPerMinute":100,"exponentialRate":{"baseRatePerMinute":10,' +
            '"incrementFactor":2,"rateIncreaseCriteria":{"numberOfNotifiedThings":5}}}'
        jobExecutionsRetryConfig = '{"criteriaList":[{"failureType":"TIMED_OUT","numberOfRetries":2},' +
            '{"failureType":"FAILED","numberOfRetries":1}]}'
        presignedUrlConfig = '{"roleArn":"arn:aws:iam::123456789012:role/fw-downloads","expiresInSec":3600}'
        schedulingConfig = '{"startTime":"2026-12-02T02:00","endTime":"2026-12-09T02:00",' +
            '"endBehavior":"STOP_ROLLOUT",' +
            '"maintenanceWindows":[{"startTime":"cron(0 2 * * ? *)","durationInMinutes":60}]}'
        scheduledJobRollouts = '[{"startTime":"2026-12-03T02:00"},{"startTime":"2026-12-04T02:00"}]'
    }
    function Add-ConfiguredJob($Simulator) {
        $details = ($configurations.GetEnumerator() | ForEach-Object { '"{0}":{1}' -f $_.Key, $_.Value }) -join ','
        Add-JsonJob $Simulator ('{"jobs":[{"jobId":"cfg-1","status":"CANCELED","details":{' + $details + '}}]}')
    }
}

AfterAll {
    Remove-Item env:AWS_ENDPOINT_URL_IOT, env:AWS_ENDPOINT_URL_STS -ErrorAction Ignore
    Remove-Variable StoredAWSRegion -Scope Global -ErrorAction Ignore
    $simulator, $china | Stop-TestSimulator
    Restore-TestEnvironment $environment
}

Describe 'Objects and files as an admin expects' {
    BeforeEach {
        Reset-TestSimulator $simulator
        Reset-TestSimulator $china
    }

    It '1. structured job configurations are objects to dot into, with the model''s types' {
        Add-ConfiguredJob $simulator

        $job = Get-IotJob cfg-1

        # The service's spelling, then the same reached in PowerShell's usual one.
        @($job.AbortConfig.criteriaList).Count | Should -Be 1
        $abort = $job.AbortConfig.CriteriaList[0]
        $abort.ThresholdPercentage | Should -BeOfType ([double])
        $abort.ThresholdPercentage | Should -Be 50.5
        $abort.MinNumberOfExecutedThings | Should -BeOfType ([int])
        $abort.MinNumberOfExecutedThings | Should -Be 10
        $abort.FailureType, $abort.Action | Should -Be @('FAILED', 'CANCEL')
        $job.TimeoutConfig.InProgressTimeoutInMinutes | Should -BeOfType ([long])
        $job.TimeoutConfig.InProgressTimeoutInMinutes | Should -Be 60
        $rollout = $job.JobExecutionsRolloutConfig
        $rollout.MaximumPerMinute | Should -Be 100
        $rollout.ExponentialRate.IncrementFactor | Should -BeOfType ([double])
        $rollout.ExponentialRate.BaseRatePerMinute | Should -Be 10
        $rollout.ExponentialRate.RateIncreaseCriteria.NumberOfNotifiedThings | Should -Be 5
        $rollout.ExponentialRate.RateIncreaseCriteria.NumberOfSucceededThings | Should -BeNullOrEmpty
        # Lists are lists: indexed, counted, and member-enumerated as arrays are.
        $job.JobExecutionsRetryConfig.CriteriaList.FailureType | Should -Be @('TIMED_OUT', 'FAILED')
        $job.JobExecutionsRetryConfig.CriteriaList[1].NumberOfRetries | Should -BeOfType ([int])
        $job.PresignedUrlConfig.RoleArn | Should -Be 'arn:aws:iam::123456789012:role/fw-downloads'
        $job.PresignedUrlConfig.ExpiresInSec | Should -BeOfType ([long])
        # The model's times here are strings (StringDateTime, a cron expression), kept as the service wrote them.
        $job.SchedulingConfig.StartTime | Should -BeOfType ([string])
        $job.SchedulingConfig.StartTime | Should -Be '2026-12-02T02:00'
        $job.SchedulingConfig.EndBehavior | Should -Be 'STOP_ROLLOUT'
        $job.SchedulingConfig.MaintenanceWindows[0].StartTime | Should -Be 'cron(0 2 * * ? *)'
        $job.SchedulingConfig.MaintenanceWindows[0].DurationInMinutes | Should -Be 60
        $job.ScheduledJobRollouts.Count | Should -Be 2
        $job.ScheduledJobRollouts.StartTime | Should -Be @('2026-12-03T02:00', '2026-12-04T02:00')
    }

    It '1. as text, each configuration reads as the service''s JSON: in strings, lists and CSV files' {
        Add-ConfiguredJob $simulator
        $csv = Join-Path $TestDrive 'jobs.csv'

        $job = Get-IotJob cfg-1
        $list = $job | Format-List -Property * | Out-String -Width 400
        $view = $job | Format-List | Out-String -Width 400
        $job | Export-Csv -Path $csv
        $row = Import-Csv -Path $csv
        $whatIf = Get-HostOutput { Import-Csv -Path $csv | Remove-IotJob -WhatIf -ErrorVariable errs }

        foreach ($name in $configurations.Keys) {
            $property = $name.Substring(0, 1).ToUpperInvariant() + $name.Substring(1)
            $job.$property.ToString() | Should -BeExactly $configurations[$name]
            $row.$property | Should -BeExactly $configurations[$name]
            $view | Should -Match ('(?m)^{0}\s+: {1}\s*$' -f $property, [regex]::Escape($configurations[$name]))
        }
        # A configuration is one value, in a string too; a list (ScheduledJobRollouts) enumerates there, as lists do.
        foreach ($name in 'AbortConfig', 'TimeoutConfig', 'SchedulingConfig', 'PresignedUrlConfig') {
            "$($job.$name)" | Should -BeExactly $configurations[$name]
            $list | Should -Match ('(?m)^{0}\s+: {1}\s*$' -f $name, [regex]::Escape($configurations[$name]))
        }
        ($row.AbortConfig | ConvertFrom-Json).criteriaList[0].thresholdPercentage | Should -Be 50.5
        $errs | Should -BeNullOrEmpty
        $whatIf | Should -Match "What if: Remove job 'cfg-1' \(CANCELED"
        Get-TestRequest $simulator | Where-Object method -in 'PUT', 'DELETE' | Should -BeNullOrEmpty
    }

    It '2. every label of the list views is a property of the object it shows' {
        Add-JsonJob $simulator '{"jobs":[{"jobId":"fw-1","executions":[{"thingName":"t1"},{"thingName":"t2"}]}]}'
        $format = [xml](Get-Content -Raw (Join-Path (Split-Path $module.Manifest) 'IotJobs.format.ps1xml'))
        $shown = @{
            'IotJobs.Model.IotJob' = Get-IotJob fw-1
            'IotJobs.Model.IotJobExecution' = Get-IotJobExecution -JobId fw-1 -ThingName t1
        }

        $lists = @($format.Configuration.ViewDefinitions.View | Where-Object { $_.ListControl })
        $lists.Count | Should -Be 2
        foreach ($view in $lists) {
            $object = $shown[$view.ViewSelectedBy.TypeName]
            foreach ($item in $view.ListControl.ListEntries.ListEntry.ListItems.ListItem) {
                $label = if ($item.Label) { $item.Label } else { $item.PropertyName }
                $object.PSObject.Properties.Name | Should -Contain $label -Because "$($view.Name) shows '$label'"
                # A computed item is a view of the property its label names, not of another one.
                if ($item.ScriptBlock) { $item.ScriptBlock | Should -Match ('\$_\.{0}\b' -f $label) }
            }
        }
        $text = $shown['IotJobs.Model.IotJob'] | Format-List | Out-String
        $text | Should -Match '(?m)^ProcessDetails\s+: 2 executions: 2 queued'
        $text | Should -Not -Match '(?m)^Executions\s+:'
    }

    It '3. executions listed per thing carry the account and the thing''s ARN, for one account lookup' {
        Add-JsonJob $simulator ('{"jobs":[{"jobId":"fw-1","executions":[{"thingName":"sensor-1"},' +
            '{"thingName":"gateway:eu-1"}]},{"jobId":"fw-2","executions":[{"thingName":"sensor-1"}]}]}')

        $executions = @([pscustomobject]@{ ThingName = 'sensor-1' }, [pscustomobject]@{ ThingName = 'gateway:eu-1' } |
                Get-IotJobExecution)

        $executions.Count | Should -Be 3
        $executions.AccountId | Select-Object -Unique | Should -Be '123456789012'
        $executions.ThingArn | Should -Be @(
            'arn:aws:iot:us-east-1:123456789012:thing/sensor-1', 'arn:aws:iot:us-east-1:123456789012:thing/sensor-1'
            'arn:aws:iot:us-east-1:123456789012:thing/gateway:eu-1')
        # Asked once for the command and its connection, however many things were listed.
        @(Get-TestRequest $simulator GetCallerIdentity).Count | Should -Be 1
    }

    It '3. the thing''s ARN is in the partition of its region (aws-cn for cn-north-1)' {
        Add-JsonJob $china '{"jobs":[{"jobId":"fw-1","executions":[{"thingName":"sensor-1"}]}]}'

        $execution = Get-IotJobExecution -ThingName sensor-1 -Region cn-north-1 -EndpointUrl $china.Endpoint

        $execution.AccountId | Should -Be '123456789012'
        $execution.ThingArn | Should -Be 'arn:aws-cn:iot:cn-north-1:123456789012:thing/sensor-1'
    }

    It '3. when the account cannot be learned (STS unreachable), both stay blank and nothing fails' {
        Add-JsonJob $simulator '{"jobs":[{"jobId":"fw-1","executions":[{"thingName":"sensor-1"}]}]}'
        # Nothing listens on the discard port: STS is refused at once.
        $env:AWS_ENDPOINT_URL_STS = 'http://127.0.0.1:9'
        try { $execution = Get-IotJobExecution -ThingName sensor-1 -ErrorVariable errs }
        finally { Remove-Item env:AWS_ENDPOINT_URL_STS }

        $errs | Should -BeNullOrEmpty
        $execution.JobId | Should -Be 'fw-1'
        $execution.AccountId | Should -BeNullOrEmpty
        $execution.ThingArn | Should -BeNullOrEmpty
    }

    It '4. a backup is readable JSON, private to its owner, and holds the document exactly' {
        $document = '{"operation":"install","url":"https://example.com/fw?build=7+1&mode=<safe>","note":"it''s ' +
            "caf$([char]0xE9) $([char]::ConvertFromUtf32(0x1F680))" + '","steps":"a\tb"}'
        Add-JsonJob $simulator (@{ jobs = @(@{ jobId = 'fw-7'; status = 'CANCELED'; document = $document
                    executions = @(@{ thingName = 'sensor-1'; status = 'CANCELED' }) }) } | ConvertTo-Json -Depth 5)
        $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'backups')

        Remove-IotJob fw-7 -Confirm:$false -BackupPath $folder
        $file = Join-Path $folder 'fw-7.job.json'
        $text = Get-Content -Raw -Encoding utf8 $file
        $backup = $text | ConvertFrom-Json

        # Only what JSON requires is escaped: the document's quotes, backslashes and control characters.
        $text | Should -Not -Match '\\u[0-9a-fA-F]{4}'
        $text | Should -Match ([regex]::Escape('https://example.com/fw?build=7+1&mode=<safe>'))
        $text | Should -Match ([regex]::Escape("it's caf$([char]0xE9) $([char]::ConvertFromUtf32(0x1F680))"))
        $text | Should -Match ([regex]::Escape('{\"operation\":\"install\"'))
        $text | Should -Match '(?m)^  "describeJob": \{$'
        $backup.getJobDocument.document | Should -BeExactly $document
        $backup.describeJob.job.jobId | Should -Be 'fw-7'
        $backup.executionSummaries[0].thingArn | Should -BeLike '*:thing/sensor-1'
        if (-not $IsWindows) { (Get-Item $file).UnixMode | Should -Be '-rw-------' }
    }

    It '4. an execution''s backup is private to its owner too' -Skip:$IsWindows {
        Add-JsonJob $simulator '{"jobs":[{"jobId":"fw-8","executions":[{"thingName":"sensor-1","status":"FAILED"}]}]}'
        $folder = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'execution-backups')

        Get-IotJobExecution -JobId fw-8 | Remove-IotJobExecution -Confirm:$false -BackupPath $folder

        $file = Get-ChildItem $folder -Filter 'fw-8.sensor-1.*.execution.json'
        $file.UnixMode | Should -Be '-rw-------'
        (Get-Content -Raw $file.FullName | ConvertFrom-Json).describeJobExecution.execution.status | Should -Be 'FAILED'
    }
}
