using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace IotJobs.Bench;

/// <summary>
/// The simulator as a process of its own, set up like the service and driven through its control plane: for a row
/// that measures what the module alone costs this process (its CPU and memory), with no simulator inside it.
/// </summary>
internal sealed partial class SimulatorProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly HttpClient control;

    private SimulatorProcess(Process process, Uri endpoint)
    {
        this.process = process;
        Endpoint = endpoint;
        control = new HttpClient { BaseAddress = new Uri(endpoint, "/_simulator/") };
    }

    public Uri Endpoint { get; }

    public static SimulatorProcess Start()
    {
        // The simulator's build comes with the benchmark's: the project references it.
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        string dll = Path.Combine(AppContext.BaseDirectory, "IotJobs.Simulator.dll");
        foreach (var a in new[] { dll, "--port", "0", "--deletion-seconds", "2", "--latency-ms", "30", "--rate", "10" })
            start.ArgumentList.Add(a);
        var process = Process.Start(start)!;
        string banner = process.StandardOutput.ReadLine() ?? "";
        var url = Listening().Match(banner);
        if (!url.Success)
        {
            process.Kill();
            throw new InvalidOperationException($"The simulator did not start: {banner}");
        }
        return new SimulatorProcess(process, new Uri(url.Groups["url"].Value));
    }

    public async Task AddAccount(string accountId, string accessKeyId, string secretAccessKey, int canceledJobs)
    {
        var credential = new
        {
            accessKeyId,
            secretAccessKey,
            accountId,
        };
        (await control.PostAsJsonAsync("credentials", credential)).EnsureSuccessStatusCode();
        var jobs = ServiceLike.JobIds(canceledJobs).Select(id => new { jobId = id, status = "CANCELED" }).ToList();
        (await control.PostAsJsonAsync("jobs", new { accountId, jobs })).EnsureSuccessStatusCode();
    }

    /// <summary>The error type of each request the simulator received, in order (null where it answered one).</summary>
    public async Task<List<string?>> ErrorTypes()
    {
        using var log = JsonDocument.Parse(await control.GetStringAsync("requests"));
        return log
            .RootElement.EnumerateArray()
            .Select(r =>
                r.TryGetProperty("errorType", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null
            )
            .ToList();
    }

    public async ValueTask DisposeAsync()
    {
        control.Dispose();
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }

    [GeneratedRegex(@"listening on (?<url>http://\S+/) ")]
    private static partial Regex Listening();
}
