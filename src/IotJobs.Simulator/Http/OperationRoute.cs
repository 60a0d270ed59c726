namespace IotJobs.Simulator.Http;

/// <summary>The operation a request names, with its decoded path values.</summary>
internal sealed record OperationRoute(
    string Operation,
    string? JobId = null,
    string? ThingName = null,
    string? ExecutionNumber = null
)
{
    /// <summary>
    /// Matches the REST paths of the IoT Jobs operations the simulator serves (and the registry's ListThings); null
    /// when none matches.
    /// </summary>
    public static OperationRoute? Match(string method, string rawPath)
    {
        var s = rawPath.Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
        return (method, s.Length, s.ElementAtOrDefault(0), s.ElementAtOrDefault(2), s.ElementAtOrDefault(4)) switch
        {
            ("GET", 1, "jobs", _, _) => new OperationRoute("ListJobs"),
            ("GET", 2, "jobs", _, _) => new OperationRoute("DescribeJob", JobId: s[1]),
            ("PUT", 2, "jobs", _, _) => new OperationRoute("CreateJob", JobId: s[1]),
            ("DELETE", 2, "jobs", _, _) => new OperationRoute("DeleteJob", JobId: s[1]),
            ("PUT", 3, "jobs", "cancel", _) => new OperationRoute("CancelJob", JobId: s[1]),
            ("GET", 3, "jobs", "job-document", _) => new OperationRoute("GetJobDocument", JobId: s[1]),
            ("GET", 3, "jobs", "things", _) => new OperationRoute("ListJobExecutionsForJob", JobId: s[1]),
            ("GET", 1, "things", _, _) => new OperationRoute("ListThings"),
            ("GET", 3, "things", "jobs", _) => new OperationRoute("ListJobExecutionsForThing", ThingName: s[1]),
            ("GET", 4, "things", "jobs", _) => new OperationRoute("DescribeJobExecution", JobId: s[3], ThingName: s[1]),
            ("PUT", 5, "things", "jobs", "cancel") => new OperationRoute(
                "CancelJobExecution",
                JobId: s[3],
                ThingName: s[1]
            ),
            ("DELETE", 6, "things", "jobs", "executionNumber") => new OperationRoute(
                "DeleteJobExecution",
                JobId: s[3],
                ThingName: s[1],
                ExecutionNumber: s[5]
            ),
            _ => null,
        };
    }

    /// <summary>The operations the simulator serves, by the names the request log and the rate limits use.</summary>
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
    {
        "ListJobs",
        "DescribeJob",
        "CreateJob",
        "DeleteJob",
        "CancelJob",
        "GetJobDocument",
        "ListJobExecutionsForJob",
        "ListJobExecutionsForThing",
        "DescribeJobExecution",
        "CancelJobExecution",
        "DeleteJobExecution",
        "ListThings",
    };

    public static bool IsMutating(string operation) =>
        operation is "CreateJob" or "CancelJob" or "DeleteJob" or "CancelJobExecution" or "DeleteJobExecution";
}
