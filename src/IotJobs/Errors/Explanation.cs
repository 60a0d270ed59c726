using IotJobs.Rules;

namespace IotJobs.Errors;

/// <summary>The module's own account of why the service refused an item, better than the service's words.</summary>
internal sealed class Explanation
{
    public Explanation(string reason, string? advice, Ruling? ruling = null)
    {
        Reason = reason;
        Advice = advice;
        Ruling = ruling;
    }

    /// <summary>The table's ruling behind a refusal, when it explains one.</summary>
    public Ruling? Ruling { get; }

    /// <summary>E.g. "it is IN_PROGRESS; only a COMPLETED or CANCELED job is removed without -Force".</summary>
    public string Reason { get; }

    /// <summary>What to do; null leaves the error's usual advice, empty gives none (nothing can help).</summary>
    public string? Advice { get; }
}
