using System;
using IotJobs.Client;
using IotJobs.Errors;
using IotJobs.Model;
using IotJobs.Output;
using IotJobs.Rules;

namespace IotJobs.Changes;

/// <summary>Counts each item of a batch in its summary by what became of it, by type, never by its words.</summary>
internal sealed class SummaryTally
{
    public SummaryTally(Change change, bool whatIf) =>
        Summary = new IotJobsSummary(whatIf, Words.Noun(change), Words.Done(change));

    public IotJobsSummary Summary { get; }

    /// <summary>Counts one item by its outcome, and a refusal or failure by what it was.</summary>
    public void Count(ItemResult result)
    {
        switch (result.Outcome)
        {
            case Outcome.Previewed when result.Plan!.OwnedBy != null:
                Summary.ServiceOwned++;
                break;
            case Outcome.Previewed:
                if (!Refused(result.Plan.Ruling))
                    Summary.Changed++;
                break;
            case Outcome.Applied:
                Summary.Changed++;
                break;
            case Outcome.Unknown:
                Summary.Unknown++;
                break;
            case Outcome.NotApplied:
                Failed(result);
                break;
        }
    }

    /// <summary>
    /// A refusal the table of rules foresaw, a missing item, another service's job, or another failure.
    /// </summary>
    private void Failed(ItemResult result)
    {
        var e = result.Failure!;
        if (Refused(result.Explanation?.Ruling))
            return;
        if (e is ResourceNotFoundException)
            Summary.NotFound++;
        else if (e is ItemRefusedException { Refusal: Refusal.ServiceOwnedJob })
            Summary.ServiceOwned++;
        else
            Summary.CountFailed(ErrorMapper.ToRecord(e, result.Attempt, null, out _).FullyQualifiedErrorId);
    }

    /// <summary>Counts a refusal the table of the service's rules foresees; false for any other verdict.</summary>
    private bool Refused(Ruling? ruling)
    {
        switch (ruling?.Verdict)
        {
            case Verdict.NeedsForce:
                Summary.CountNeedForce(ruling.Status);
                return true;
            case Verdict.AlreadyFinished:
                Summary.CountAlreadyFinished(ruling.Status);
                return true;
            case Verdict.BeingDeleted:
                Summary.BeingDeleted++;
                return true;
            default:
                return false;
        }
    }
}
