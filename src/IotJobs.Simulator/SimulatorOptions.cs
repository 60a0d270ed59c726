namespace IotJobs.Simulator;

/// <summary>
/// How the simulated service behaves. Defaults are those of the real service where it documents them.
/// </summary>
public sealed class SimulatorOptions
{
    public const string DefaultAccessKeyId = "AKIAIOTJOBSSIMULATOR";
    public const string DefaultSecretAccessKey = "simulator/secret/access/key/not-a-real-one";

    /// <summary>
    /// The bearer token the SSO credentials endpoint accepts: what a fresh `aws sso login` would have cached.
    /// </summary>
    public const string SsoAccessToken = "simulator-sso-access-token";

    /// <summary>The region requests must be signed for.</summary>
    public string Region { get; set; } = "us-east-1";

    /// <summary>
    /// The account of credentials that name none; every credential belongs to one account, and each account has
    /// its own jobs.
    /// </summary>
    public string AccountId { get; set; } = "123456789012";

    /// <summary>How long a deleted job stays DELETION_IN_PROGRESS before it is gone.</summary>
    public TimeSpan DeletionDuration { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The service allows at most 10 jobs in DELETION_IN_PROGRESS at once.</summary>
    public int MaxDeletionsInProgress { get; set; } = 10;

    /// <summary>Page size of the list operations when the request gives no maxResults.</summary>
    public int DefaultPageSize { get; set; } = 50;

    /// <summary>
    /// Requests per second allowed per operation name (e.g. "DeleteJob"), to each account: every account has a
    /// bucket of its own for each operation, as the service's quotas are per account. Absent means unlimited.
    /// </summary>
    public Dictionary<string, double> RateLimits { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// A rate for every operation without its own entry in <see cref="RateLimits"/>; null means unlimited.
    /// </summary>
    public double? DefaultRateLimit { get; set; }

    /// <summary>Accounts' own rates, by account id, in place of the two above for their requests.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, AccountRateLimits> AccountRateLimits { get; } =
        new(StringComparer.Ordinal);

    /// <summary>Latency added to every request.</summary>
    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// Access key id → credentials the SigV4 check accepts; the credential endpoints add to it while requests are
    /// served.
    /// </summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, SimulatorCredential> Credentials { get; } =
        new(StringComparer.Ordinal) { [DefaultAccessKeyId] = new SimulatorCredential(DefaultSecretAccessKey) };

    /// <summary>Seed of the random choices of probabilistic faults, so a failing run can be replayed.</summary>
    public int RandomSeed { get; set; } = 17;

    /// <summary>The clock for timestamps, deletions, rate limits and signature expiry.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>
    /// Keeps each answer's body in the request log, for tests that compare what was answered with what a client
    /// kept. Off by default: a long listing's bodies would hold megabytes.
    /// </summary>
    public bool RecordResponseBodies { get; set; }

    /// <summary>
    /// A quirk of some other implementations of the API (moto, for one): ListJobs ignores its namespaceId filter
    /// and lists the jobs of every namespace. Off by default, as the service keeps to the namespace asked for.
    /// </summary>
    public bool ListJobsIgnoresNamespaceId { get; set; }

    /// <summary>Writes one line per request to the console (method, path, status); never headers.</summary>
    public bool LogToConsole { get; set; }
}
