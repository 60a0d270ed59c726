<#
.SYNOPSIS
    Builds and tests IotJobs. A thin task runner over dotnet; every tool version is pinned.
.EXAMPLE
    ./build.ps1                  # Build
    ./build.ps1 -Task Test       # xUnit, then the Pester suite against the built module
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test')]
    [string[]] $Task = @('Build'),
    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)
$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot
$pesterVersion = '5.9.0'

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

foreach ($t in $Task) {
    Write-Host "== $t" -ForegroundColor Cyan
    & "Invoke-$t"
}
