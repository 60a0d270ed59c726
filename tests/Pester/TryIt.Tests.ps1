#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The README's "Try it in real PowerShell", run as a person follows it: the simulator started with the command
# as written, the PowerShell blocks pasted one after the other into one fresh pwsh, each step's output checked, and
# what Ctrl+C in the simulator's terminal does (SIGINT to dotnet run and the simulator it started) stopping it. The
# port is a free one instead of 5055, which a person's own simulator may hold.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestSimulator.psm1') -Force
    $environment = Initialize-TestEnvironment
    $root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $readme = Get-Content -Raw (Join-Path $root 'README.md')
    $section = $readme.Substring($readme.IndexOf('## Try it in real PowerShell'))
    $section = $section.Substring(0, $section.IndexOf("`n## ", 5))
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop()
    $blocks = [regex]::Matches($section, '(?s)```(?<language>sh|powershell)\r?\n(?<code>.*?)\r?\n```') |
        ForEach-Object { [pscustomobject]@{ Language = $_.Groups['language'].Value
                Code = $_.Groups['code'].Value.Replace('5055', "$port") } }
    $shell = @(($blocks | Where-Object Language -eq sh).Code -split '\r?\n')
    $session = @(($blocks | Where-Object Language -eq powershell).Code)
    $simulator = [pscustomobject]@{ Endpoint = "http://127.0.0.1:$port" }
    # What one step leaves for the next: the process in the simulator's terminal.
    $state = @{ Terminal = $null }

    <# True when something accepts connections on the port. #>
    function Test-Listening {
        $client = [System.Net.Sockets.TcpClient]::new()
        try { $client.Connect([System.Net.IPAddress]::Loopback, $port); $true } catch { $false }
        finally { $client.Dispose() }
    }
}

AfterAll {
    $terminal = $state.Terminal
    if ($terminal -and -not $terminal.HasExited) { $terminal.Kill($true); $terminal.WaitForExit() }
    Restore-TestEnvironment $environment
}

Describe 'The README: try it in real PowerShell' {
    It 'has a shell block to build and start the simulator, and three to paste into pwsh' {
        $shell | Should -Be @(
            'dotnet tool restore'
            'dotnet build IotJobs.PowerShell.sln'
            "dotnet run --project src/IotJobs.Simulator --no-build -- --port $port --seed demo"
        )
        $session.Count | Should -Be 3
        $section | Should -Match 'dotnet tool install --global PowerShell --version 7\.6\.10'
    }

    It 'restores pwsh with the first command as written (the suite has built the solution already)' {
        Push-Location $root
        try { $output = & dotnet tool restore 2>&1 | Out-String } finally { Pop-Location }

        $LASTEXITCODE | Should -Be 0 -Because $output
        $output | Should -Match 'powershell'
    }

    It 'starts the simulator as written; it says once how to point a session at it, and keeps quiet' {
        $command = $shell[2] -split ' '
        $log = Join-Path $TestDrive 'simulator.log'
        $start = @{ FilePath = $command[0]; ArgumentList = $command[1..($command.Count - 1)] }
        $state.Terminal = $terminal = Start-Process @start -PassThru -WorkingDirectory $root `
            -RedirectStandardOutput $log -RedirectStandardError (Join-Path $TestDrive 'simulator.err')
        $deadline = [DateTime]::UtcNow.AddSeconds(60)
        while (-not (Test-Listening) -and [DateTime]::UtcNow -lt $deadline -and -not $terminal.HasExited) {
            Start-Sleep -Milliseconds 200
        }
        Start-Sleep -Milliseconds 500
        $banner = @(Get-Content $log)

        Test-Listening | Should -BeTrue -Because ($banner -join "`n")
        $banner[0] | Should -Be "IoT Jobs simulator listening on http://127.0.0.1:$port/ (us-east-1, 18 jobs)."
        # The lines it tells a person to paste are those the README pastes, word for word.
        $told = $banner | Where-Object { $_ -match '^\s+\$env:' } | ForEach-Object Trim
        $pasted = $session[0] -split '\r?\n' | Where-Object { $_ -like '$env:*' }
        $told | Should -Be $pasted
        $banner[-1] | Should -Match '^Ctrl\+C stops it\. Requests are not shown'
        # A terminal of 80 columns shows each line whole.
        $banner | Where-Object Length -gt 80 | Should -BeNullOrEmpty
    }

    It 'in one fresh pwsh: the module imported, a listing, a dry run, and Tab completing a job id' {
        $script = Join-Path $TestDrive 'try-it.ps1'
        @(
            "`$PSStyle.OutputRendering = 'PlainText'"
            "Set-Location '$root'"
            for ($i = 0; $i -lt $session.Count; $i++) { "'### step $($i + 1)'"; $session[$i] }
        ) | Set-Content -Path $script
        $output = Invoke-PwshFile $script
        $steps = $output -split "(?m)^### step \d\r?\n"

        $LASTEXITCODE | Should -Be 0 -Because $output
        $output | Should -Not -Match '(?m)^\S*(Import-Module|Get-IotJob\w*|Remove-IotJob|TabExpansion2): '
        $steps[1].Trim() | Should -BeNullOrEmpty -Because 'importing and pointing the session say nothing'
        $steps[2] | Should -Match '(?m)^JobId\s+Status\s+Created \(UTC\)'
        $steps[2] | Should -Match '(?m)^fw-2024-11-rollout\s+IN_PROGRESS'
        $steps[2] | Should -Match "(?m)^What if: Remove job 'fw-2024-08-canary-01' \(CANCELED\)\."
        $steps[3].Trim() | Should -Be 'fw-2024-11-rollout'
        Get-TestRequest $simulator DeleteJob | Should -BeNullOrEmpty -Because 'a dry run changes nothing'
        @(Get-TestRequest $simulator ListJobs).Count | Should -BeGreaterThan 1
    }

    It 'stops with Ctrl+C in its terminal, leaving nothing behind' {
        $terminal = $state.Terminal
        $started = @(if (-not $IsWindows) { & pgrep -P $terminal.Id })
        if ($IsWindows) {
            $terminal.Kill($true) # a console's Ctrl+C cannot be sent from here
        } else {
            $started | Should -Not -BeNullOrEmpty -Because 'dotnet run started the simulator as a process of its own'
            # Ctrl+C in a terminal is SIGINT to every process in its foreground: dotnet run and the simulator.
            & kill -INT $terminal.Id @started
        }

        $terminal.WaitForExit(20000) | Should -BeTrue -Because 'it stops within seconds'
        foreach ($id in $started) {
            Get-Process -Id $id -ErrorAction Ignore | Should -BeNullOrEmpty -Because 'the simulator ended too'
        }
        Test-Listening | Should -BeFalse -Because 'no simulator is left listening'
    }
}
