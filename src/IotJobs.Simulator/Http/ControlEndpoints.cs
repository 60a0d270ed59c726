using System.Text.Json;
using System.Text.Json.Serialization;
using IotJobs.Simulator.State;

namespace IotJobs.Simulator.Http;

/// <summary>
/// The simulator's own control plane, under /_simulator/ (a path the IoT API never uses), so that a test
/// in another process (Pester under pwsh, a script driving the AWS CLI) can seed jobs and things, add credentials and
/// faults, set rate limits and quirks and read the request log. Not signed, not recorded; the simulator listens on
/// loopback only.
/// </summary>
internal sealed class ControlEndpoints
{
    public const string Prefix = "/_simulator/";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly IotJobsSimulator simulator;

    public ControlEndpoints(IotJobsSimulator simulator) => this.simulator = simulator;

    public static bool Handles(string rawPath) => rawPath.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>Returns the status and JSON body to answer.</summary>
    public (int Status, string Body) Serve(string method, string rawPath, string body)
    {
        try
        {
            return (method, rawPath[Prefix.Length..]) switch
            {
                ("POST", "jobs") => (200, Seed(Parse<SeedRequest>(body))),
                ("POST", "things") => Done(() => SeedThings(Parse<ThingSeedRequest>(body))),
                ("GET", "requests") => (200, JsonSerializer.Serialize(simulator.Requests.Select(LogEntry.Of), Json)),
                ("DELETE", "requests") => Done(simulator.ClearRequests),
                ("POST", "credentials") => Done(() => AddCredential(Parse<CredentialRequest>(body))),
                ("POST", "faults") => Done(() => simulator.Faults.Add(Parse<FaultRequest>(body).ToRule())),
                ("DELETE", "faults") => Done(simulator.Faults.Clear),
                ("GET", "rate-limits") => (200, JsonSerializer.Serialize(simulator.Limits.Table(), Json)),
                ("POST", "rate-limits") => Done(() => SetRate(Parse<RateRequest>(body))),
                ("GET", "quirks") => (200, JsonSerializer.Serialize(QuirkSwitches.Of(simulator.Options), Json)),
                ("POST", "quirks") => Done(() => Parse<QuirkSwitches>(body).ApplyTo(simulator.Options)),
                ("POST", "reset") => Done(() =>
                    simulator.Reset(Parse<ResetRequest>(body.Length == 0 ? "{}" : body).Seed == "demo")
                ),
                _ => (404, JsonSerializer.Serialize(new { message = $"No control operation at {method} {rawPath}." })),
            };
        }
        catch (Exception e)
            when (e is JsonException or ArgumentException or KeyNotFoundException or InvalidOperationException)
        {
            return (400, JsonSerializer.Serialize(new { message = e.Message }));
        }
    }

    private static (int, string) Done(Action action)
    {
        action();
        return (200, "{}");
    }

    private static T Parse<T>(string body) =>
        JsonSerializer.Deserialize<T>(body, Json) ?? throw new JsonException("The body is empty.");

    private string Seed(SeedRequest seed)
    {
        var store = simulator.StoreFor(seed.AccountId ?? simulator.Options.AccountId);
        var now = simulator.Options.Clock.GetUtcNow();
        var added = new List<object>();
        foreach (var job in seed.Jobs)
        {
            store.AddJob(
                job.JobId,
                job.Status ?? "IN_PROGRESS",
                job.TargetSelection ?? "SNAPSHOT",
                job.NamespaceId,
                job.ThingGroupName,
                job.Description,
                job.CreatedDaysAgo is double days ? now.AddDays(-days) : null,
                document: job.Document,
                details: job.Details?.ToDictionary(d => d.Key, d => d.Value.GetRawText())
            );
            foreach (var e in job.Executions ?? [])
            {
                var execution = store.AddExecution(job.JobId, e.ThingName, e.Status ?? "QUEUED", e.VersionNumber ?? 1);
                added.Add(
                    new
                    {
                        jobId = job.JobId,
                        thingName = e.ThingName,
                        executionNumber = execution.ExecutionNumber,
                    }
                );
            }
        }
        return JsonSerializer.Serialize(new { jobs = seed.Jobs.Count, executions = added }, Json);
    }

    /// <summary>Things of the registry that no job needs to reach, for ListThings.</summary>
    private void SeedThings(ThingSeedRequest seed)
    {
        var store = simulator.StoreFor(seed.AccountId ?? simulator.Options.AccountId);
        foreach (var name in seed.Things)
        {
            try
            {
                store.AddThing(RequestValues.ThingName(name));
            }
            catch (ServiceError refused)
            {
                throw new ArgumentException(refused.Message);
            }
        }
    }

    private void AddCredential(CredentialRequest c) =>
        simulator.Options.Credentials[c.AccessKeyId] = new SimulatorCredential(
            c.SecretAccessKey,
            c.SessionToken,
            c.AccountId
        );

    private void SetRate(RateRequest rate) => simulator.Limits.Set(rate.AccountId, rate.Operation, rate.PerSecond);

    private sealed record SeedRequest(string? AccountId, List<SeedJob> Jobs);

    private sealed record SeedJob(
        string JobId,
        string? Status,
        string? TargetSelection,
        string? NamespaceId,
        string? ThingGroupName,
        string? Description,
        double? CreatedDaysAgo,
        List<SeedExecution>? Executions,
        string? Document,
        Dictionary<string, JsonElement>? Details
    );

    private sealed record ThingSeedRequest(string? AccountId, List<string> Things);

    private sealed record SeedExecution(string ThingName, string? Status, long? VersionNumber);

    private sealed record CredentialRequest(
        string AccessKeyId,
        string SecretAccessKey,
        string? SessionToken,
        string? AccountId
    );

    private sealed record ResetRequest(string? Seed);

    /// <summary>
    /// A rate for one operation (or every one) of one account (or every account); a null rate removes it.
    /// </summary>
    private sealed record RateRequest(string? AccountId, string? Operation, double? PerSecond);

    private sealed record FaultRequest(
        FaultKind Kind,
        string? Operation,
        int? Times,
        int? Skip,
        double? DelayMs,
        double? Probability,
        bool? AfterApplying,
        int? Status,
        string? ErrorType,
        string? Message
    )
    {
        public FaultRule ToRule() =>
            new(Kind)
            {
                Status = Status ?? 500,
                ErrorType = ErrorType,
                Message = Message ?? "An error injected by the simulator.",
                Operation = Operation,
                Times = Times,
                Skip = Skip ?? 0,
                Delay = TimeSpan.FromMilliseconds(DelayMs ?? 0),
                Probability = Probability ?? 1.0,
                AfterApplying = AfterApplying ?? false,
            };
    }

    /// <summary>One request as the log shows it to another process: no header but the credential scope.</summary>
    private sealed record LogEntry(
        long Sequence,
        string? Operation,
        string Method,
        string Path,
        string Query,
        string Body,
        int Status,
        string? ErrorType,
        string? CredentialScope
    )
    {
        public static LogEntry Of(RecordedRequest q) =>
            new(
                q.Sequence,
                q.Operation,
                q.Method,
                q.RawPath,
                q.RawQuery,
                q.Body,
                q.Status,
                q.ErrorType,
                ScopeOf(q.Headers.GetValueOrDefault("authorization"))
            );

        /// <summary>
        /// "AKIA.../20261201/us-east-1/iot/aws4_request": who signed, for where; never the signature.
        /// </summary>
        private static string? ScopeOf(string? authorization)
        {
            const string marker = "Credential=";
            int at = authorization?.IndexOf(marker, StringComparison.Ordinal) ?? -1;
            if (at < 0)
                return null;
            int end = authorization!.IndexOf(',', at);
            return end < 0 ? authorization[(at + marker.Length)..] : authorization[(at + marker.Length)..end];
        }
    }
}
