using System.Diagnostics;
using System.Net.Sockets;

namespace IotJobs.Tests.Simulator;

/// <summary>
/// The standalone simulator stops when told: on SIGTERM (kill, docker stop, CI runners) and on SIGINT,
/// also started in the background of a script, where a shell leaves SIGINT ignored.
/// </summary>
public sealed class StandaloneSimulatorTests
{
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
