namespace IotJobs.Simulator.Http;

/// <summary>
/// The switches that make the simulator behave as other implementations of the API do rather than as the
/// service does (GET and POST /_simulator/quirks); a switch left out of a POST stays as it is.
/// </summary>
internal sealed record QuirkSwitches(bool? ListJobsIgnoresNamespaceId)
{
    public static QuirkSwitches Of(SimulatorOptions options) => new(options.ListJobsIgnoresNamespaceId);

    public void ApplyTo(SimulatorOptions options)
    {
        if (ListJobsIgnoresNamespaceId is bool ignores)
            options.ListJobsIgnoresNamespaceId = ignores;
    }
}
