using System.Diagnostics;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using IotJobs.Tests.Module;

namespace IotJobs.Tests.Simulator;

/// <summary>
/// The standalone simulator as a person uses it: its banner says once how to point a PowerShell session at it,
/// it writes a line per request only when asked (so a session sharing its console is not flooded), and it stops
/// when told: on SIGTERM (kill, docker stop, CI runners) and on SIGINT, also started in the background of a
/// script, where a shell leaves SIGINT ignored.
/// </summary>
public sealed class StandaloneSimulatorTests
{
    [Fact]
    public async Task The_banner_gives_once_the_lines_that_point_a_PowerShell_session_at_it_and_they_work()
    {
        await using var simulator = await SimulatorProcess.StartAsync("--seed", "demo");
        await simulator.WaitForLineAsync(l => l.Contains("Ctrl+C"), TimeSpan.FromSeconds(10));

        var banner = simulator.Output;
        var settings = banner
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("$env:", StringComparison.Ordinal))
            .ToList();
        string endpoint = simulator.Endpoint.ToString().TrimEnd('/');
        Assert.Equal(
            [
                "$env:AWS_ACCESS_KEY_ID = 'AKIAIOTJOBSSIMULATOR'",
                "$env:AWS_SECRET_ACCESS_KEY = 'simulator/secret/access/key/not-a-real-one'",
                "$env:AWS_REGION = 'us-east-1'",
                "$env:AWS_DEFAULT_REGION = 'us-east-1'",
                $"$env:AWS_ENDPOINT_URL_IOT = '{endpoint}'",
            ],
            settings
        );
        Assert.Single(banner, l => l.Contains("listening on"));
        int jobs = int.Parse(Regex.Match(banner[0], @"(\d+) jobs").Groups[1].Value);

        // A session of its own, with none of this test process's AWS settings: only the pasted lines.
        var unset = new Dictionary<string, string?>();
        foreach (
            var name in new[] { "ACCESS_KEY_ID", "SECRET_ACCESS_KEY", "REGION", "DEFAULT_REGION", "ENDPOINT_URL_IOT" }
        )
            unset["AWS_" + name] = null;
        var lines = IsolationTests.Probe(
            "run",
            string.Join("\n", settings) + "\n(Get-IotJob | Measure-Object).Count",
            unset
        );

        Assert.Contains(jobs.ToString(), lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("error ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Requests_are_not_written_to_the_console_unless_asked()
    {
        await using var quiet = await SimulatorProcess.StartAsync();
        await using var logging = await SimulatorProcess.StartAsync("--log-requests");
        using var http = new HttpClient();

        await http.GetAsync(new Uri(quiet.Endpoint, "jobs?status=CANCELED"));
        await http.GetAsync(new Uri(logging.Endpoint, "jobs?status=CANCELED"));

        await logging.WaitForLineAsync(l => l.Contains("GET /jobs?status=CANCELED -> 403"), TimeSpan.FromSeconds(10));
        await Task.Delay(200);
        Assert.DoesNotContain(quiet.Output, l => l.Contains("/jobs"));
    }

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task A_simulator_started_in_the_background_of_a_script_stops_on_a_signal_and_leaves_nothing_listening(
        string signal
    )
    {
        if (OperatingSystem.IsWindows())
            return;
        string simulator = Path.Combine(AppContext.BaseDirectory, "IotJobs.Simulator.dll");
        string output = Path.Combine(Path.GetTempPath(), $"simulator-{Guid.NewGuid():N}.txt");
        // As a script does it: `dotnet ... &`, then the pid of the background job.
        var script = new ProcessStartInfo(
            "bash",
            ["-c", $"dotnet '{simulator}' --port 0 --quiet > '{output}' 2>&1 & echo $!"]
        )
        {
            RedirectStandardOutput = true,
        };
        using var shell = Process.Start(script)!;
        int pid = int.Parse((await shell.StandardOutput.ReadLineAsync())!.Trim());
        await shell.WaitForExitAsync();
        using var running = Process.GetProcessById(pid);
        try
        {
            var port = await ListeningPort(output);

            using (var kill = Process.Start("kill", [$"-{signal}", pid.ToString()]))
                await kill.WaitForExitAsync();

            Assert.True(running.WaitForExit(10_000), $"the simulator did not stop on SIG{signal}");
            Assert.Contains("IoT Jobs simulator stopped.", await File.ReadAllTextAsync(output));
            using var probe = new TcpClient();
            await Assert.ThrowsAnyAsync<SocketException>(() => probe.ConnectAsync("127.0.0.1", port));
        }
        finally
        {
            if (!running.HasExited)
                running.Kill();
            File.Delete(output);
        }
    }

    private static async Task<int> ListeningPort(string output)
    {
        for (int i = 0; i < 200; i++)
        {
            string text = File.Exists(output) ? await File.ReadAllTextAsync(output) : "";
            var match = System.Text.RegularExpressions.Regex.Match(text, @"listening on http://127\.0\.0\.1:(\d+)/");
            if (match.Success)
                return int.Parse(match.Groups[1].Value);
            await Task.Delay(100);
        }
        throw new TimeoutException(
            "The simulator did not say where it listens: "
                + (File.Exists(output) ? File.ReadAllText(output) : "(no output)")
        );
    }
}
