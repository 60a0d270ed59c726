using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace IotJobs.Model;

/// <summary>
/// What a Stop- or Remove- batch did, or with -WhatIf would do, counted: written to the information stream
/// (tag "IotJobs.Summary") at the end of every batch, so a runbook can log "removed 280, 20 failed" without
/// counting: -InformationVariable summary, or 6>&amp;1. Its text is the batch in one line.
/// </summary>
public sealed class IotJobsSummary
{
    internal IotJobsSummary(bool whatIf, string noun, string verbed)
    {
        WhatIf = whatIf;
        Noun = noun;
        Verbed = verbed;
    }

    /// <summary>True for a dry run: the counts say what would happen.</summary>
    public bool WhatIf { get; }

    /// <summary>"job" or "execution".</summary>
    public string Noun { get; }

    /// <summary>"removed" or "stopped".</summary>
    public string Verbed { get; }

    public int Total { get; internal set; }

    /// <summary>Removed or stopped (with -WhatIf: would be).</summary>
    public int Changed { get; internal set; }

    /// <summary>Refused as asked; -Force would have them changed.</summary>
    public int NeedForce { get; internal set; }

    /// <summary>Refused: already finished, nothing can change them.</summary>
    public int AlreadyFinished { get; internal set; }

    /// <summary>Refused: their job is already being deleted.</summary>
    public int BeingDeleted { get; internal set; }

    public int NotFound { get; internal set; }

    /// <summary>
    /// Refused: jobs another service owns (an OTA update's, a Greengrass deployment's), or their executions;
    /// -AllowServiceOwned would have them changed.
    /// </summary>
    public int ServiceOwned { get; internal set; }

    /// <summary>Failed otherwise: by error id (WrongRegion, AccessDenied, Throttled...).</summary>
    public int Failed => FailedBy.Values.Sum();

    /// <summary>
    /// Sent, and no answer came even when looked for again after the batch: the service may or may not have applied
    /// them. Each is named, with the command that shows it, in its error.
    /// </summary>
    public int Unknown { get; internal set; }

    /// <summary>Declined at the prompt.</summary>
    public int Skipped { get; internal set; }

    /// <summary>Error id → how many items failed with it, for <see cref="Failed"/>.</summary>
    public SortedDictionary<string, int> FailedBy { get; } = new SortedDictionary<string, int>();

    /// <summary>
    /// The statuses behind <see cref="NeedForce"/> and <see cref="AlreadyFinished"/>, as "IN_PROGRESS", "COMPLETED,
    /// CANCELED".
    /// </summary>
    public string NeedForceStatuses => string.Join(", ", needForce);

    public string AlreadyFinishedStatuses => string.Join(", ", finished);

    private readonly SortedSet<string> needForce = new SortedSet<string>();
    private readonly SortedSet<string> finished = new SortedSet<string>();

    internal void CountNeedForce(string? status)
    {
        NeedForce++;
        if (status != null)
            needForce.Add(status);
    }

    internal void CountAlreadyFinished(string? status)
    {
        AlreadyFinished++;
        if (status != null)
            finished.Add(status);
    }

    internal void CountFailed(string errorId) =>
        FailedBy[errorId] = FailedBy.TryGetValue(errorId, out int n) ? n + 1 : 1;

    /// <summary>
    /// "300 jobs: 280 removed, 15 need -Force (IN_PROGRESS), 5 already being deleted."; a dry run says it in the
    /// conditional: "300 jobs: 280 would be removed, 15 would need -Force (IN_PROGRESS), ...".
    /// </summary>
    public override string ToString()
    {
        string Needs(int n) =>
            WhatIf ? "would need"
            : n == 1 ? "needs"
            : "need";
        var parts = new List<string> { $"{Changed} {(WhatIf ? "would be " : "")}{Verbed}" };
        if (NeedForce > 0)
            parts.Add($"{NeedForce} {Needs(NeedForce)} -Force ({NeedForceStatuses})");
        if (AlreadyFinished > 0)
            parts.Add($"{AlreadyFinished} already finished ({AlreadyFinishedStatuses})");
        if (BeingDeleted > 0)
            parts.Add($"{BeingDeleted} already being deleted");
        if (NotFound > 0)
            parts.Add($"{NotFound} not found");
        if (ServiceOwned > 0)
            parts.Add($"{ServiceOwned} owned by another service ({Needs(ServiceOwned)} -AllowServiceOwned)");
        if (Failed > 0)
        {
            string failed = WhatIf ? "could not be checked" : "failed";
            parts.Add($"{Failed} {failed} ({string.Join(", ", FailedBy.Select(f => $"{f.Value} {f.Key}"))})");
        }
        if (Unknown > 0)
            parts.Add($"{Unknown} unknown (sent, no answer)");
        if (Skipped > 0)
            parts.Add($"{Skipped} skipped");
        string items = $"{Total.ToString(CultureInfo.InvariantCulture)} {Noun}{(Total == 1 ? "" : "s")}";
        return $"{items}: {string.Join(", ", parts)}.";
    }
}
