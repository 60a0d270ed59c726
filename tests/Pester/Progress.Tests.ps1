#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Progress as the console shows it: its minimal view shows the activity and the status alone, so the status must say
# how far the batch is, out of how many, what holds items back, and the item.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSimulator.psm1') -Force
    $environment = Initialize-TestEnvironment
    $manifest = (Get-BuiltModule).Manifest
    $simulator = Start-TestSimulator -DeletionSeconds 3

    # The records the engine hands the console, from a pipeline run in this same pwsh.
    function Get-ProgressOf([string] $Script) {
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript(@"
Import-Module '$manifest'
`$PSDefaultParameterValues['*-IotJob*:EndpointUrl'] = '$($simulator.Endpoint)'
`$PSDefaultParameterValues['*-IotJob*:Region'] = 'us-east-1'
$Script
"@)
            $null = $ps.Invoke()
            @($ps.Streams.Progress | Where-Object RecordType -eq Processing)
        } finally { $ps.Dispose() }
    }
}

AfterAll {
    $simulator | Stop-TestSimulator
    Restore-TestEnvironment $environment
}

Describe 'Progress' {
    BeforeEach { Reset-TestSimulator $simulator }

    It 'says done of the total given, and the item' {
        $null = Add-TestJob $simulator @(1..4 | ForEach-Object { @{ JobId = "j$_"; Status = 'IN_PROGRESS' } })

        $records = Get-ProgressOf 'Stop-IotJob -JobId j1,j2,j3,j4 -Confirm:$false'

        $records[-1].StatusDescription | Should -Match '^\d of 4 done \(\d+\.\d/s\) \| job ''j\d'''
    }

    It 'says done of how many were received when the total is not known, and the deletion places waited for' {
        $null = Add-TestJob $simulator @(1..12 | ForEach-Object { @{ JobId = "old-$_"; Status = 'CANCELED' } })

        $records = Get-ProgressOf 'Get-IotJob | Remove-IotJob -Force'

        $records.StatusDescription | Should -Match '^\d+ done of \d+ received'
        $waiting = @($records.StatusDescription) |
            Where-Object { $_ -match 'waiting for one of the 10 deletion places' }
        $waiting | Should -Not -BeNullOrEmpty
        @($waiting)[0] | Should -Match '\| 10 deleting, [12] waiting for one of the 10 deletion places \|'
    }
}
