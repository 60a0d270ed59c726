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

    /// <summary>A dry run's item: what the service would answer, as far as the module can tell.</summary>
    public void Previewed(ItemPlan plan)
    {
        if (plan.OwnedBy != null)
            Summary.ServiceOwned++;
        else if (!Refused(plan.Ruling))
            Summary.Changed++;
    }

    /// <summary>A failed item: a refusal the table of rules foresaw, a missing item, another service's job, or else.</summary>
    public void Failed(Exception e, Explanation? explanation, string errorId)
    {
        if (Refused(explanation?.Ruling))
            return;
        if (e is ResourceNotFoundException)
            Summary.NotFound++;
        else if (e is ItemRefusedException { Refusal: Refusal.ServiceOwnedJob })
            Summary.ServiceOwned++;
        else
            Summary.CountFailed(errorId);
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
