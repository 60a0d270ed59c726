using IotJobs.Simulator.Http;

namespace IotJobs.Tests.Support;

/// <summary>What tests read from the simulator's request log.</summary>
public static class Requests
{
    /// <summary>
    /// The ownership guard's one listing per command and connection: the Greengrass deployments' jobs, read
    /// when an item's namespace is not known. Tests of other concerns set it aside by name, never by count.
    /// </summary>
    public static bool IsOwnershipLookup(this RecordedRequest request) =>
        request.Operation == "ListJobs" && request.QueryValue("namespaceId") == "aws-gg-deployment";

    /// <summary>The log without the ownership lookup.</summary>
    public static RecordedRequest[] ExceptOwnershipLookup(this IEnumerable<RecordedRequest> requests) =>
        requests.Where(q => !q.IsOwnershipLookup()).ToArray();
}
