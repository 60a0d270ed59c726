using System;
using System.Threading;
using IotJobs.Connections;
using IotJobs.Errors;
using IotJobs.Items;
using IotJobs.Model;
using IotJobs.Output;
using IotJobs.Rules;

namespace IotJobs.Changes;

/// <summary>
/// One item on its way through a Stop- or Remove- cmdlet: the change, the item, whether it is forced,
/// where it goes, and what is known of its state. Everything the words, the rule and the request need.
/// </summary>
internal sealed class ItemPlan
{
    public ItemPlan(Change change, ItemTarget target, bool forced, ItemConnection connection)
    {
        Change = change;
        Target = target;
        Forced = forced;
        Connection = connection;
    }

    public Change Change { get; }
    public ItemTarget Target { get; }
    public bool Forced { get; }
    public ItemConnection Connection { get; }

    /// <summary>
    /// The item as last read from the service (or as piped, when that was moments ago); null when unknown.
    /// </summary>
    public IotJobsItem? State { get; set; }

    /// <summary>
    /// In a dry run: why the item's owner keeps it from being changed (another service's job); else null.
    /// </summary>
    public string? OwnedBy { get; set; }

    /// <summary>For Stop-IotJobExecution: the version the execution must still be at.</summary>
    public long? ExpectedVersion { get; set; }

    /// <summary>
    /// -BackupPath: the item's file, named when it is first described (a What-if line, a prompt) or written.
    /// </summary>
    public string? BackupFile { get; set; }

    private int phase = (int)ItemPhase.NotSent;

    /// <summary>Where the change stands with the service; read from any thread (Ctrl+C).</summary>
    public ItemPhase Phase => (ItemPhase)Volatile.Read(ref phase);

    /// <summary>
    /// The item starts to wait for a limit of its place (one of the service's deletion places): its lane may start
    /// the next item meanwhile.
    /// </summary>
    public void Waiting()
    {
        // A deletion refused for want of a place (LimitExceeded) waits for one again: it was not applied.
        Interlocked.CompareExchange(ref phase, (int)ItemPhase.NotSent, (int)ItemPhase.Sent);
        WhenWaiting?.Invoke();
    }

    /// <summary>What its lane does when it starts to wait; set by the lane when the item's work starts.</summary>
    public Action? WhenWaiting { get; set; }

    /// <summary>
    /// The change leaves for the service now: from here on, only its answer says whether it was applied.
    /// </summary>
    public void Sending() => Volatile.Write(ref phase, (int)ItemPhase.Sent);

    /// <summary>The change's answer (or a look after a lost one) decided it.</summary>
    public void Decided(bool applied) =>
        Volatile.Write(ref phase, (int)(applied ? ItemPhase.Applied : ItemPhase.NotApplied));

    public Attempt Attempt => AttemptOn(Change, Target);

    /// <summary>What an error about the item says was attempted, before a plan is made as after.</summary>
    public static Attempt AttemptOn(Change change, ItemTarget target) =>
        new(Words.Verb(change), target.Subject, target.TargetObject);

    /// <summary>What the service will answer, as far as the state is known.</summary>
    public Ruling Ruling => StateRules.Rule(Change, StatusOf(State), Forced);

    public static string? StatusOf(IotJobsItem? item) =>
        item switch
        {
            IotJob job => job.Status,
            IotJobExecution execution => execution.Status,
            _ => null,
        };
}
