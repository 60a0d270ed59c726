@{
    RootModule             = 'IotJobs.dll'
    ModuleVersion          = '0.1.0'
    GUID                   = '5d0f4c7e-8a3b-4f61-9c2e-7b1a6e0d3f92'
    Author                 = 'IotJobs contributors'
    CompanyName            = 'IotJobs'
    Copyright              = '(c) IotJobs contributors. Apache License 2.0.'
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
        }
    }
}
