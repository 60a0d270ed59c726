using System.Diagnostics;
using IotJobs.Client;
using IotJobs.Simulator;

namespace IotJobs.Bench;

/// <summary>
/// What the rows compare the module with: a plain client sending one request after another, as a loop of
/// `aws iot ...` calls does, and the AWS CLI itself.
/// </summary>
internal static class Baselines
{
    /// <summary>
    /// One request after another with no pacing and no deletion scheduling; an item fails when its request still
    /// fails after the SDK's retries.
    /// </summary>
    public static async Task<(double Seconds, int Failed)> OneAtATime(
        IotJobsSimulator sim,
        IEnumerable<string> items,
        Func<IotJobsClient, string, Task> call
    )
    {
        var config = new IotJobsClientConfig
        {
            ServiceURL = sim.Endpoint.ToString(),
            AuthenticationRegion = "us-east-1",
            PaceRequests = false,
        };
        using var client = new IotJobsClient(
            new Amazon.Runtime.BasicAWSCredentials(
                SimulatorOptions.DefaultAccessKeyId,
                SimulatorOptions.DefaultSecretAccessKey
            ),
            config
        );
        int failed = 0;
        var clock = Stopwatch.StartNew();
        foreach (var item in items)
        {
            try
            {
                await call(client, item);
            }
            catch (IotJobsServiceException)
            {
                failed++;
            }
        }
        return (clock.Elapsed.TotalSeconds, failed);
    }

    /// <summary>The AWS CLI's time for the same failing call, or null where it is not installed.</summary>
    public static double? TimeCli(string arguments)
    {
        var start = new ProcessStartInfo("aws", arguments.Split(' '))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["AWS_ACCESS_KEY_ID"] = SimulatorOptions.DefaultAccessKeyId;
        start.Environment["AWS_SECRET_ACCESS_KEY"] = SimulatorOptions.DefaultSecretAccessKey;
        var clock = Stopwatch.StartNew();
        try
        {
            using var cli = Process.Start(start)!;
            cli.StandardOutput.ReadToEnd();
            cli.StandardError.ReadToEnd();
            cli.WaitForExit();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
        return clock.Elapsed.TotalSeconds;
    }
}
