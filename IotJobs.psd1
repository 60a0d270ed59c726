@{
    RootModule             = 'IotJobs.dll'
    ModuleVersion          = '0.1.0'
    GUID                   = '5d0f4c7e-8a3b-4f61-9c2e-7b1a6e0d3f92'
    Author                 = 'IotJobs contributors'
    CompanyName            = 'IotJobs'
    Copyright              = '(c) IotJobs contributors. MIT License.'
    Description            = 'Stop and remove AWS IoT Jobs and job executions safely and in bulk: -WhatIf dry runs, per-item confirmation, pipeline-friendly cmdlets.'
    PowerShellVersion      = '5.1'
    CompatiblePSEditions   = @('Desktop', 'Core')
    FormatsToProcess       = @('IotJobs.format.ps1xml')
    CmdletsToExport        = @('Get-IotJob', 'Get-IotJobExecution', 'Stop-IotJob', 'Stop-IotJobExecution', 'Remove-IotJob', 'Remove-IotJobExecution')
    FunctionsToExport      = @()
    VariablesToExport      = @()
    AliasesToExport        = @()
    PrivateData            = @{
        PSData = @{
            Tags       = @('AWS', 'IoT', 'Jobs', 'IoTCore', 'Automation')
            ProjectUri = 'https://github.com/iotjobs/IotJobs'
            LicenseUri = 'https://github.com/iotjobs/IotJobs/blob/main/LICENSE'
            ReleaseNotes = @'
0.1.0
- Get-IotJob, Get-IotJobExecution: describe or list (service filters, id wildcards), streaming page by page.
- Stop-IotJob, Stop-IotJobExecution, Remove-IotJob, Remove-IotJobExecution: -WhatIf, per-item confirmation,
  -Force (force=true, no prompt), per-item errors with stable ids, -ThrottleLimit, progress.
- Remove-IotJob keeps within the service's 10 deletions in progress; throttling slows a batch instead of failing it.
- Help for every cmdlet and about_IotJobs; table and list views; tab completion of job ids, thing names and statuses.
'@
        }
    }
}
