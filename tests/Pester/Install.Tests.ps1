#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# A real install: build.ps1 -Task Package writes the gallery package, a local folder serves it as a
# PSResource repository, Install-PSResource installs it, and Import-Module IotJobs by name loads it.
# All of it in a sandbox (a HOME of its own): the user's repositories and modules are left alone.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSimulator.psm1') -Force
    $environment = Initialize-TestEnvironment
    $root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $simulator = Start-TestSimulator -Demo
    $sandbox = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'home')
    # dotnet still finds the pinned pwsh where NuGet keeps it.
    $nugetPackages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path $HOME '.nuget/packages' }
    $packages = Join-Path $TestDrive 'packages'

    function Invoke-Sandboxed([string] $Script) {
        $path = Join-Path $TestDrive "step-$([guid]::NewGuid()).ps1"
        $preamble = "`$ErrorActionPreference = 'Stop'; `$PSStyle.OutputRendering = 'PlainText'"
        Set-Content -Path $path -Value "$preamble`n$Script"
        $saved = $env:HOME, $env:NUGET_PACKAGES, $env:XDG_DATA_HOME
        $env:HOME = $sandbox.FullName
        $env:NUGET_PACKAGES = $nugetPackages
        $env:XDG_DATA_HOME = $null
        # In the sandbox too: packaging and installing there write a default NuGet/NuGet.Config under the folder
        # they run in.
        Push-Location $sandbox
        try { $output = Invoke-PwshFile $path }
        finally { Pop-Location; $env:HOME, $env:NUGET_PACKAGES, $env:XDG_DATA_HOME = $saved }
        $LASTEXITCODE | Should -Be 0 -Because $output
        $output
    }
}

AfterAll {
    $simulator | Stop-TestSimulator
    Restore-TestEnvironment $environment
}

Describe 'Installing the package' {
    It 'packages, installs from a local repository, and imports by name into a working session' {
        $null = Invoke-Sandboxed "& '$root/build.ps1' -Task Package -PackageOutput '$packages'"
        Get-ChildItem $packages -Filter 'IotJobs.*.nupkg' | Should -HaveCount 1

        $null = Invoke-Sandboxed @"
Register-PSResourceRepository -Name LocalTest -Uri '$packages' -Trusted
Install-PSResource IotJobs -Repository LocalTest -TrustRepository -Quiet
"@
        $used = Invoke-Sandboxed @"
Import-Module IotJobs
'base ' + (Get-Module IotJobs).ModuleBase
(Get-IotJob -EndpointUrl '$($simulator.Endpoint)' -Region us-east-1 -Status COMPLETED).JobId
"@

        $used | Should -Match ([regex]::Escape("base $($sandbox.FullName)"))
        $used | Should -Match 'config-rotate-certs'
        Get-PSResourceRepository -Name LocalTest -ErrorAction SilentlyContinue |
            Should -BeNullOrEmpty -Because 'the sandbox keeps the user''s repositories untouched'
    }
}
