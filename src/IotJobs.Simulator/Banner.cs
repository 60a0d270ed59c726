namespace IotJobs.Simulator;

/// <summary>
/// What the standalone simulator says once when it starts: where it listens, and the lines that point a
/// PowerShell session (the module, AWS.Tools, the aws CLI) at it. Its first line is the one scripts wait for
/// ("listening on URL "), so it keeps that form. Every line fits a console of 80 columns.
/// </summary>
internal static class Banner
{
    public static IEnumerable<string> Lines(IotJobsSimulator simulator)
    {
        var options = simulator.Options;
        string endpoint = simulator.Endpoint.ToString().TrimEnd('/');
        yield return $"IoT Jobs simulator listening on {simulator.Endpoint} "
            + $"({options.Region}, {simulator.Store.JobCount} jobs).";
        yield return "To use it from PowerShell, paste these lines into the session:";
        yield return $"  $env:AWS_ACCESS_KEY_ID = '{SimulatorOptions.DefaultAccessKeyId}'";
        yield return $"  $env:AWS_SECRET_ACCESS_KEY = '{SimulatorOptions.DefaultSecretAccessKey}'";
        yield return $"  $env:AWS_REGION = '{options.Region}'";
        // The aws CLI v1 reads its region from AWS_DEFAULT_REGION only.
        yield return $"  $env:AWS_DEFAULT_REGION = '{options.Region}'";
        yield return $"  $env:AWS_ENDPOINT_URL_IOT = '{endpoint}'";
        yield return "Ctrl+C stops it. Requests are not shown; --log-requests shows them.";
    }
}
