namespace IotJobs.Rules;

/// <summary>The table's answer for one change of one item: the verdict, and the words that explain it.</summary>
internal sealed class Ruling
{
    public Ruling(Verdict verdict, string? status, string reason = "", string forceAdvice = "")
    {
        Verdict = verdict;
        Status = status;
        Reason = reason;
        ForceAdvice = forceAdvice;
    }

    public Verdict Verdict { get; }

    /// <summary>The status the ruling was made for.</summary>
    public string? Status { get; }

    /// <summary>Why the service refuses the change, e.g. "it is IN_PROGRESS; ..."; empty when it accepts it.</summary>
    public string Reason { get; }

    /// <summary>For <see cref="Verdict.NeedsForce"/>: what adding -Force does, as advice; else empty.</summary>
    public string ForceAdvice { get; }

    public bool Refused =>
        Verdict == Verdict.NeedsForce || Verdict == Verdict.AlreadyFinished || Verdict == Verdict.BeingDeleted;

    /// <summary>
    /// The warning a What-if line or prompt ends with: "" when the change will go through or nothing is known.
    /// </summary>
    public string Warning =>
        Verdict switch
        {
            Verdict.NeedsForce => "; the service will refuse it without -Force",
            Verdict.AlreadyFinished => $"; it has already finished ({Status}), so the service will refuse it",
            Verdict.BeingDeleted => "; it is already being deleted, so the service will refuse it",
            _ => "",
        };
}
