using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace IotJobs.Tests.Simulator;

/// <summary>
/// The standalone simulator as a person or a script starts it: a process of its own, given command-line
/// arguments, saying on its standard output where it listens (its banner) and, when asked, each request.
/// </summary>
public sealed partial class SimulatorProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly List<string> output = [];
    private readonly HttpClient http = new();

    private SimulatorProcess(Process process) => this.process = process;

    /// <summary>The base URL from the banner, e.g. http://127.0.0.1:40123/.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Every line written to the standard output so far.</summary>
    public IReadOnlyList<string> Output
    {
        get
        {
            lock (output)
                return output.ToList();
        }
    }

    /// <summary>Starts `IotJobs.Simulator --port 0 ARGS` and waits until it says where it listens.</summary>
    public static async Task<SimulatorProcess> StartAsync(params string[] args)
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "IotJobs.Simulator.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "--port", "0", .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var simulator = new SimulatorProcess(Process.Start(start)!);
        simulator.process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                lock (simulator.output)
                    simulator.output.Add(e.Data);
        };
        simulator.process.BeginOutputReadLine();
        var stderr = simulator.process.StandardError.ReadToEndAsync();
        string banner = await simulator.WaitForLineAsync(l => Listening().IsMatch(l), TimeSpan.FromSeconds(30), stderr);
        simulator.Endpoint = new Uri(Listening().Match(banner).Groups["url"].Value);
        return simulator;
    }

    /// <summary>Waits for a line of output; fails, with what was written, when none comes in time.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout, Task<string>? errors = null)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (Output.FirstOrDefault(match) is { } line)
                return line;
            if (process.HasExited)
                break;
            await Task.Delay(50);
        }
        string stderr = errors is { IsCompleted: true } ? await errors : "";
        throw new Xunit.Sdk.XunitException(
            $"The simulator did not write the expected line (exited: {process.HasExited}). Output:\n"
                + string.Join("\n", Output)
                + "\nErrors:\n"
                + stderr
        );
    }

    /// <summary>Calls the control plane: /_simulator/PATH, with a JSON body when given.</summary>
    public async Task<HttpResponseMessage> ControlAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(Endpoint, "_simulator/" + path));
        if (body is not null)
            request.Content = JsonContent.Create(body);
        return await http.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }

    [GeneratedRegex(@"listening on (?<url>http://127\.0\.0\.1:\d+/)")]
    private static partial Regex Listening();
}
