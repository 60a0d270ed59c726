using System.Diagnostics;
using System.Text.Json;
using IotJobs.Simulator;

namespace IotJobs.Tests.Simulator;

/// <summary>
/// Runs the aws CLI against a simulator: an implementation of the wire and of SigV4 independent of both the
/// simulator and the module, and the client the documentation tells users to create jobs with. A test that
/// needs it fails, saying so, where it is not installed: it does not pass without having run.
/// </summary>
public static class AwsCli
{
    private static readonly Lazy<string?> Found = new(() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => new[] { Path.Combine(dir, "aws"), Path.Combine(dir, "aws.cmd") })
            .FirstOrDefault(File.Exists)
    );

    /// <summary>The CLI's path; fails the calling test when there is none.</summary>
    public static string Executable =>
        Found.Value
        ?? throw new Xunit.Sdk.XunitException(
            "This test drives the simulator with the aws CLI, which is not on PATH. Install it "
                + "(pip install awscli, or AWS CLI v2) and run the test again."
        );

    /// <summary>The environment that points the CLI (and the SDKs) at the simulator, as a user would set it.</summary>
    public static Dictionary<string, string?> EnvironmentFor(IotJobsSimulator simulator) =>
        new()
        {
            ["AWS_ACCESS_KEY_ID"] = SimulatorOptions.DefaultAccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = SimulatorOptions.DefaultSecretAccessKey,
            ["AWS_SESSION_TOKEN"] = null,
            ["AWS_PROFILE"] = null,
            ["AWS_REGION"] = simulator.Options.Region,
            ["AWS_DEFAULT_REGION"] = simulator.Options.Region,
            ["AWS_ENDPOINT_URL_IOT"] = simulator.Endpoint.ToString().TrimEnd('/'),
            // An error answer should end the command at once rather than be retried.
            ["AWS_RETRY_MODE"] = "standard",
            ["AWS_MAX_ATTEMPTS"] = "1",
            ["AWS_PAGER"] = "",
        };

    /// <summary>Runs `aws iot ARGS` against the simulator.</summary>
    public static Task<CliResult> IotAsync(IotJobsSimulator simulator, params string[] args) =>
        RunAsync(EnvironmentFor(simulator), ["iot", .. args]);

    /// <summary>Runs `aws iot ARGS` against the simulator, signed with the given keys (another account's).</summary>
    public static Task<CliResult> IotAsync(
        IotJobsSimulator simulator,
        (string AccessKeyId, string SecretAccessKey) keys,
        params string[] args
    )
    {
        var environment = EnvironmentFor(simulator);
        environment["AWS_ACCESS_KEY_ID"] = keys.AccessKeyId;
        environment["AWS_SECRET_ACCESS_KEY"] = keys.SecretAccessKey;
        return RunAsync(environment, ["iot", .. args]);
    }

    private static async Task<CliResult> RunAsync(Dictionary<string, string?> environment, string[] args)
    {
        var start = new ProcessStartInfo(Executable, [.. args, "--output", "json"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment)
        {
            if (value is null)
                start.Environment.Remove(name);
            else
                start.Environment[name] = value;
        }
        using var cli = Process.Start(start)!;
        var output = cli.StandardOutput.ReadToEndAsync();
        var errors = cli.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await cli.WaitForExitAsync(timeout.Token);
        return new CliResult(cli.ExitCode, await output, await errors);
    }
}
