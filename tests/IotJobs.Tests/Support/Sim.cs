using Amazon.Runtime;
using IotJobs.Client;
using IotJobs.Simulator;
using IotJobs.Simulator.Http;

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

    /// <summary>
    /// One DeleteJob answered as the service has been seen to answer an 11th deletion: a ThrottlingException that
    /// names the deletion quota.
    /// </summary>
    public static FaultRule DeletionQuotaWordedAsThrottling() =>
        new(FaultKind.Error)
        {
            Operation = "DeleteJob",
            Times = 1,
            Status = 400,
            ErrorType = "ThrottlingException",
            Message =
                "Exceeded the AWS IoT Jobs service quota for the number of jobs with status DELETION_IN_PROGRESS. "
                + "Wait at least one minute.",
        };

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
