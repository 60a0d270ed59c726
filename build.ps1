<#
.SYNOPSIS
    Builds, tests, documents and packages IotJobs. A thin task runner over dotnet; every tool version is pinned.
.EXAMPLE
    ./build.ps1                        # Build: the loadable module at out/IotJobs (help included)
    ./build.ps1 -Task Test             # xUnit, then the Pester suite against the built module
    ./build.ps1 -Task Help             # docs/en-US -> out/IotJobs/en-US (platyPS when installed, else the bundled generator)
    ./build.ps1 -Task Build, Package   # a gallery-ready .nupkg of out/IotJobs in out/packages
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Help', 'Package')]
    [string[]] $Task = @('Build'),
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)
$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot
$module = Join-Path $root 'out/IotJobs'
$pesterVersion = '5.9.0'
$platyPSVersion = '0.14.2'

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE." }
}

function Invoke-Build {
    Invoke-Dotnet build (Join-Path $root 'IotJobs.PowerShell.sln') -c $Configuration
}

function Invoke-Test {
    Invoke-Dotnet test (Join-Path $root 'IotJobs.PowerShell.sln') -c $Configuration
    if (-not (Get-Module -ListAvailable Pester | Where-Object Version -eq $pesterVersion)) {
        Install-Module Pester -RequiredVersion $pesterVersion -Scope CurrentUser -Force -SkipPublisherCheck
    }
    # A separate process, so the suite loads the freshly built module and nothing else.
    $script = "Import-Module Pester -RequiredVersion $pesterVersion; " +
        "`$c = New-PesterConfiguration; `$c.Run.Path = '$root/tests/Pester'; `$c.Run.Exit = `$true; `$c.Output.Verbosity = 'Detailed'; Invoke-Pester -Configuration `$c"
    & (Get-Process -Id $PID).Path -NoProfile -Command $script
    if ($LASTEXITCODE -ne 0) { throw "Pester reported $LASTEXITCODE failure(s)." }
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
    if (-not (Test-Path (Join-Path $module 'IotJobs.psd1'))) { throw 'Build first: out/IotJobs is missing.' }
    $packages = New-Item -ItemType Directory -Force -Path (Join-Path $root 'out/packages')
    $repository = 'IotJobsLocal'
    if (Get-PSResourceRepository -Name $repository -ErrorAction SilentlyContinue) { Unregister-PSResourceRepository -Name $repository }
    Register-PSResourceRepository -Name $repository -Uri $packages.FullName -Trusted
    try {
        Publish-PSResource -Path $module -Repository $repository
    }
    finally {
        Unregister-PSResourceRepository -Name $repository
    }
    Get-ChildItem $packages -Filter 'IotJobs.*.nupkg'
}

foreach ($t in $Task) {
    Write-Host "== $t" -ForegroundColor Cyan
    & "Invoke-$t"
}
