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
$env:IOTJOBS_SIMULATOR_DLL = (Resolve-Path $SimulatorDll).Path

# Credentials every simulator accepts; the machine's own AWS configuration never reaches a test.
$shared = New-Item -ItemType Directory -Force -Path (Join-Path ([IO.Path]::GetTempPath()) "iotjobs-pester-$PID")
$env:AWS_SHARED_CREDENTIALS_FILE = Join-Path $shared 'credentials'
$env:AWS_CONFIG_FILE = Join-Path $shared 'config'
Set-Content -Path $env:AWS_SHARED_CREDENTIALS_FILE, $env:AWS_CONFIG_FILE -Value ''
$env:AWS_ACCESS_KEY_ID = 'AKIAIOTJOBSSIMULATOR'
$env:AWS_SECRET_ACCESS_KEY = 'simulator/secret/access/key/not-a-real-one'
$env:AWS_EC2_METADATA_DISABLED = 'true'
foreach ($name in 'AWS_PROFILE', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_SESSION_TOKEN', 'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_IOT', 'AWS_ENDPOINT_URL_STS') {
    Remove-Item "env:$name" -ErrorAction Ignore
}

$configuration = New-PesterConfiguration
$configuration.Run.Path = $PSScriptRoot
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Normal'
$configuration.Output.RenderMode = 'Plaintext'
$clock = [System.Diagnostics.Stopwatch]::StartNew()
$result = Invoke-Pester -Configuration $configuration

$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
$verdict = if ($failed -eq 0 -and $result.PassedCount -gt 0) { 'Passed!' } else { 'Failed!' }
'{0}  - Failed: {1,5}, Passed: {2,5}, Skipped: {3,5}, Total: {4,5}, Duration: {5:0} s - Pester {6} (pwsh {7})' -f `
    $verdict, $failed, $result.PassedCount, $result.SkippedCount, ($result.TotalCount + $result.FailedBlocksCount + $result.FailedContainersCount),
    $clock.Elapsed.TotalSeconds, (Get-Module Pester).Version, $PSVersionTable.PSVersion
exit $failed
