<#
    Starting the bundled simulator as a process of its own, as a user would, and driving it through its
    control plane (/_simulator/): seed jobs, add credentials and faults, read the request log.
#>

<#
    Where `dotnet build` lays out the module: Base (out/IotJobs, what Import-Module takes as a folder), Version (the
    ModuleVersion of IotJobs.psd1) and Manifest (out/IotJobs/<version>/IotJobs.psd1).
#>
function Get-BuiltModule {
    $root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $version = (Import-PowerShellDataFile (Join-Path $root 'IotJobs.psd1')).ModuleVersion
    $base = Join-Path $root 'out/IotJobs'
    [pscustomobject]@{ Base = $base; Version = $version; Manifest = Join-Path $base "$version/IotJobs.psd1" }
}

<#
    The environment every file of the suite needs, whoever runs it (dotnet test, or Invoke-Pester tests/Pester at a
    prompt): credentials every simulator accepts, shared config and credentials files of the suite's own (so the
    machine's ~/.aws never reaches a test, and a test may write profiles), and no region, profile, session token or
    endpoint from the caller. Call it in BeforeAll; it returns what Restore-TestEnvironment, in AfterAll, puts back.
    The files' folder is one per process: the AWS SDK reads where they are once per process.
#>
function Initialize-TestEnvironment {
    $set = @{
        AWS_ACCESS_KEY_ID = 'AKIAIOTJOBSSIMULATOR'
        AWS_SECRET_ACCESS_KEY = 'simulator/secret/access/key/not-a-real-one'
        AWS_EC2_METADATA_DISABLED = 'true'
    }
    $removed = 'AWS_PROFILE', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_SESSION_TOKEN', 'AWS_ENDPOINT_URL',
        'AWS_ENDPOINT_URL_IOT', 'AWS_ENDPOINT_URL_STS'
    $shared = New-Item -ItemType Directory -Force -Path (Join-Path ([IO.Path]::GetTempPath()) "iotjobs-pester-$PID")
    $set.AWS_SHARED_CREDENTIALS_FILE = Join-Path $shared 'credentials'
    $set.AWS_CONFIG_FILE = Join-Path $shared 'config'

    $saved = @{}
    foreach ($name in @($set.Keys) + $removed) { $saved[$name] = [Environment]::GetEnvironmentVariable($name) }
    foreach ($name in $set.Keys) { Set-EnvironmentValue $name $set[$name] }
    foreach ($name in $removed) { Set-EnvironmentValue $name $null }
    Set-Content -Path $set.AWS_SHARED_CREDENTIALS_FILE, $set.AWS_CONFIG_FILE -Value ''
    $saved
}

<# Puts back the variables Initialize-TestEnvironment changed, as they were. #>
function Restore-TestEnvironment {
    param([Parameter(Mandatory)] [hashtable] $Saved)
    foreach ($name in $Saved.Keys) { Set-EnvironmentValue $name $Saved[$name] }
}

<#
    Sets an environment variable, or removes it for $null. (A $null passed to a .NET method's string parameter
    arrives as an empty string, and on Linux and macOS an empty variable stays set: AWS_PROFILE set to nothing
    makes the aws CLI look for a profile named "".)
#>
function Set-EnvironmentValue([string] $Name, [AllowNull()] [string] $Value) {
    if ([string]::IsNullOrEmpty($Value)) { Remove-Item "env:$Name" -ErrorAction Ignore }
    else { Set-Item "env:$Name" $Value }
}

function Start-TestSimulator {
    [CmdletBinding()]
    param(
        [string] $Region = 'us-east-1',
        [switch] $Demo,
        [double] $DeletionSeconds = 2
    )
    $dll = $env:IOTJOBS_SIMULATOR_DLL
    if (-not $dll) {
        $dll = Join-Path $PSScriptRoot '../../src/IotJobs.Simulator/bin/Debug/net10.0/IotJobs.Simulator.dll'
    }
    $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    # Requests are not written to the console unless --log-requests: only the banner comes out, whose first
    # line says where it listens.
    foreach ($a in @($dll, '--port', '0', '--region', $Region, '--deletion-seconds', "$DeletionSeconds")) {
        $start.ArgumentList.Add($a)
    }
    if ($Demo) { $start.ArgumentList.Add('--seed'); $start.ArgumentList.Add('demo') }
    $start.RedirectStandardOutput = $true
    $start.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($start)
    $line = $process.StandardOutput.ReadLine()
    if ($line -notmatch 'listening on (?<url>http://\S+/) ') { throw "The simulator did not start: $line" }
    [pscustomobject]@{ Endpoint = $Matches.url.TrimEnd('/'); Region = $Region; Process = $process }
}

function Stop-TestSimulator {
    param([Parameter(Mandatory, ValueFromPipeline)] $Simulator)
    process {
        if (-not $Simulator.Process.HasExited) { $Simulator.Process.Kill(); $Simulator.Process.WaitForExit() }
        $Simulator.Process.Dispose()
    }
}

function Invoke-Control {
    param($Simulator, [string] $Method, [string] $Path, $Body)
    $arguments = @{ Method = $Method; Uri = "$($Simulator.Endpoint)/_simulator/$Path" }
    if ($null -ne $Body) {
        $arguments.Body = ($Body | ConvertTo-Json -Depth 6)
        $arguments.ContentType = 'application/json'
    }
    Invoke-RestMethod @arguments
}

<#
    Jobs as hashtables: @{ JobId = 'fw-1'; Status = 'CANCELED'; NamespaceId = 'aws-gg-deployment'; CreatedDaysAgo = 40;
    Executions = @(@{ ThingName = 't'; Status = 'QUEUED' }) }
#>
function Add-TestJob {
    param([Parameter(Mandatory)] $Simulator, [Parameter(Mandatory)] [hashtable[]] $Jobs, [string] $AccountId)
    $seed = @{ jobs = $Jobs }
    if ($AccountId) { $seed.accountId = $AccountId }
    Invoke-Control $Simulator POST jobs $seed
}

<# Things of the registry no job reaches (ListThings also names the things that have an execution). #>
function Add-TestThing {
    param([Parameter(Mandatory)] $Simulator, [Parameter(Mandatory)] [string[]] $ThingName, [string] $AccountId)
    $seed = @{ things = $ThingName }
    if ($AccountId) { $seed.accountId = $AccountId }
    $null = Invoke-Control $Simulator POST things $seed
}

function Add-TestCredential {
    param([Parameter(Mandatory)] $Simulator, [string] $AccessKeyId, [string] $SecretAccessKey, [string] $AccountId)
    $credential = @{ accessKeyId = $AccessKeyId; secretAccessKey = $SecretAccessKey; accountId = $AccountId }
    $null = Invoke-Control $Simulator POST credentials $credential
}

function Add-TestFault {
    param([Parameter(Mandatory)] $Simulator, [Parameter(Mandatory)] [hashtable] $Fault)
    $null = Invoke-Control $Simulator POST faults $Fault
}

<#
    The requests the simulator received, in order: Sequence, Operation, Method, Path, Query, Body, Status, ErrorType,
    CredentialScope.
#>
function Get-TestRequest {
    param([Parameter(Mandatory)] $Simulator, [string] $Operation)
    # Invoke-RestMethod writes a JSON array as one object: unroll it.
    foreach ($request in (Invoke-Control $Simulator GET requests)) {
        if (-not $Operation -or $request.operation -eq $Operation) { $request }
    }
}

function Reset-TestSimulator {
    param([Parameter(Mandatory)] $Simulator, [switch] $Demo)
    $null = Invoke-Control $Simulator POST reset @{ seed = $(if ($Demo) { 'demo' } else { $null }) }
}

<#
    Runs a script file in a fresh process of this same pwsh (the pinned one), as a scheduler would: its output, then
    $LASTEXITCODE.
#>
function Invoke-PwshFile {
    param([Parameter(Mandatory)] [string] $Path)
    $process = [Environment]::ProcessPath
    $arguments = @('-NoLogo', '-NoProfile', '-NonInteractive', '-File', $Path)
    # As a .NET tool, pwsh runs as "dotnet pwsh.dll".
    if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') {
        $arguments = @(Join-Path $PSHOME 'pwsh.dll') + $arguments
    }
    & $process @arguments 2>&1 | Out-String
}

<#
    What the host showed while the script block ran (What-if lines, warnings), through a transcript: ShouldProcess
    writes to the host, not to a stream.
#>
function Get-HostOutput {
    param([Parameter(Mandatory)] [scriptblock] $ScriptBlock)
    $path = Join-Path ([IO.Path]::GetTempPath()) "iotjobs-host-$([guid]::NewGuid()).txt"
    $null = Start-Transcript -Path $path -UseMinimalHeader
    try { $null = & $ScriptBlock } finally { $null = Stop-Transcript }
    $text = Get-Content -Raw $path
    Remove-Item $path
    $text
}

Export-ModuleMember -Function Initialize-TestEnvironment, Restore-TestEnvironment, Get-BuiltModule, Invoke-PwshFile,
    Get-HostOutput, Start-TestSimulator, Stop-TestSimulator, Add-TestJob, Add-TestThing, Add-TestCredential,
    Add-TestFault, Get-TestRequest, Reset-TestSimulator
