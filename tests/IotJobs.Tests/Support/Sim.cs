using Amazon.Runtime;
using IotJobs.Client;
using IotJobs.Simulator;

namespace IotJobs.Tests.Support;

/// <summary>Starts simulators and clients pointed at them, signed with the simulator's credentials.</summary>
public static class Sim
{
    public static Task<IotJobsSimulator> StartAsync(Action<SimulatorOptions>? configure = null)
    {
        var options = new SimulatorOptions();
        configure?.Invoke(options);
        return IotJobsSimulator.StartAsync(options);
    }

    public static BasicAWSCredentials Credentials { get; } =
        new(SimulatorOptions.DefaultAccessKeyId, SimulatorOptions.DefaultSecretAccessKey);

    internal static IotJobsClient Client(
        IotJobsSimulator simulator,
        string region = "us-east-1",
        AWSCredentials? credentials = null
    ) =>
        new IotJobsConnection
        {
            EndpointUrl = simulator.Endpoint.ToString(),
            Region = region,
            Credentials = credentials ?? Credentials,
        }.CreateClient();
}
