<#
.SYNOPSIS
    Runs the Pester suite under this pwsh and prints its totals as the other test projects do:
    "Passed!  - Failed: 0, Passed: N, ..." (or "Failed!  - ..."). Exits with the number of failures.
#>
param(
    [Parameter(Mandatory)] [string] $PesterModule,
    [Parameter(Mandatory)] [string] $SimulatorDll
)
$ErrorActionPreference = 'Stop'
$PSStyle.OutputRendering = 'PlainText'
Import-Module $PesterModule -Force
# The simulator of this build's configuration; without it the suite takes the Debug build's.
$env:IOTJOBS_SIMULATOR_DLL = (Resolve-Path $SimulatorDll).Path
# Each file sets up the rest of what it needs (Initialize-TestEnvironment in TestSimulator.psm1), so that
# Invoke-Pester tests/Pester passes on its own as well.

$configuration = New-PesterConfiguration
$configuration.Run.Path = $PSScriptRoot
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Normal'
$configuration.Output.RenderMode = 'Plaintext'
$clock = [System.Diagnostics.Stopwatch]::StartNew()
$result = Invoke-Pester -Configuration $configuration

$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
$total = $result.TotalCount + $result.FailedBlocksCount + $result.FailedContainersCount
$verdict = if ($failed -eq 0 -and $result.PassedCount -gt 0) { 'Passed!' } else { 'Failed!' }
'{0}  - Failed: {1,5}, Passed: {2,5}, Skipped: {3,5}, Total: {4,5}, Duration: {5:0} s - Pester {6} (pwsh {7})' -f `
    $verdict, $failed, $result.PassedCount, $result.SkippedCount, $total,
    $clock.Elapsed.TotalSeconds, (Get-Module Pester).Version, $PSVersionTable.PSVersion
exit $failed
