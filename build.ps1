<#
.SYNOPSIS
    Builds, tests, documents and packages IotJobs. A thin task runner over dotnet; every tool version is pinned.
.DESCRIPTION
    Runs under any pwsh 7, or with only the .NET SDK: dotnet tool restore; dotnet pwsh ./build.ps1 -Task Build, Package
.EXAMPLE
    ./build.ps1                        # Build: the loadable module at out/IotJobs/<version> (help included)
    ./build.ps1 -Task Test             # every test: xUnit, and the Pester suite under the pinned pwsh (no gallery)
    ./build.ps1 -Task Help             # docs/en-US -> the module's en-US (platyPS when installed, else our generator)
    ./build.ps1 -Task Build, Package   # the gallery package of the built module, in out/packages
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Help', 'Package')]
    [string[]] $Task = @('Build'),
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',
    # Where Package writes the .nupkg.
    [string] $PackageOutput = (Join-Path $PSScriptRoot 'out/packages')
)
$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot
# The module is built as PowerShell installs one, in a folder of its version (IotJobs.psd1 says which).
$version = (Import-PowerShellDataFile (Join-Path $root 'IotJobs.psd1')).ModuleVersion
$module = Join-Path $root "out/IotJobs/$version"
$platyPSVersion = '0.14.2'

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE." }
}

function Invoke-Build {
    Invoke-Dotnet build (Join-Path $root 'IotJobs.PowerShell.sln') -c $Configuration
}

function Invoke-Test {
    # The solution's test projects include tests/Pester: it restores pwsh 7.6.10 and Pester 5.9.1 itself.
    Invoke-Dotnet test (Join-Path $root 'IotJobs.PowerShell.sln') -c $Configuration
}

function Invoke-Help {
    $platyPS = Get-Module -ListAvailable platyPS | Where-Object Version -eq $platyPSVersion
    if ($platyPS) {
        Import-Module $platyPS
        New-ExternalHelp -Path (Join-Path $root 'docs/en-US') -OutputPath (Join-Path $module 'en-US') -Force | Out-Null
    }
    else {
        Invoke-Dotnet build (Join-Path $root 'src/IotJobs.Help') -c $Configuration
    }
}

function Invoke-Package {
    $manifest = Join-Path $module 'IotJobs.psd1'
    if (-not (Test-Path $manifest)) { throw "Build first: $manifest is missing." }
    $packages = New-Item -ItemType Directory -Force -Path $PackageOutput
    Remove-Item (Join-Path $packages "IotJobs.$version.nupkg") -ErrorAction Ignore
    # Publish-PSResource publishes to a repository: a folder one, registered for the moment only.
    $repository = "IotJobsBuild$PID"
    Register-PSResourceRepository -Name $repository -Uri $packages.FullName -Trusted
    try {
        Publish-PSResource -Path $module -Repository $repository
    }
    finally {
        Unregister-PSResourceRepository -Name $repository
    }
    Get-Item (Join-Path $packages "IotJobs.$version.nupkg")
}

foreach ($t in $Task) {
    Write-Host "== $t" -ForegroundColor Cyan
    & "Invoke-$t"
}
