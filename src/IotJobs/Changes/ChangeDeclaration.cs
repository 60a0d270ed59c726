using System;
using System.Threading;
using System.Threading.Tasks;
using IotJobs.Rules;

namespace IotJobs.Changes;

/// <summary>
/// What a Stop- or Remove- cmdlet is, as the runner follows it: its change (which gives its rule in the table of the
/// service's rules and its words), its request, and the options it was given. A cmdlet declares one in its Begin.
/// </summary>
internal sealed class ChangeDeclaration
{
    public ChangeDeclaration(Change change, Func<ItemPlan, CancellationToken, Task> send)
    {
        Change = change;
        Send = send;
    }

    public Change Change { get; }

    /// <summary>Sends the item's change; throws the service's refusal.</summary>
    public Func<ItemPlan, CancellationToken, Task> Send { get; }

    /// <summary>
    /// Whether <see cref="Send"/> says itself when the change leaves (<see cref="ItemPlan.Sending"/>), because it may
    /// first wait (for one of the service's deletion places); otherwise the runner says it just before calling it.
    /// </summary>
    public bool MarksSending { get; set; }

    /// <summary>-Force: force=true, and no prompt unless -Confirm is given.</summary>
    public bool Force { get; set; }

    /// <summary>-PassThru: write each changed item as the service has it after the change.</summary>
    public bool PassThru { get; set; }

    /// <summary>-BackupPath, resolved: where each item is written before it is deleted; null for none.</summary>
    public string? BackupFolder { get; set; }

    /// <summary>
    /// -ThrottleLimit: how many items of one place may be under way at once (see <see cref="Lanes"/>).
    /// </summary>
    public int ThrottleLimit { get; set; } = 1;

    /// <summary>-AllowServiceOwned: change jobs another service manages too.</summary>
    public bool AllowServiceOwned { get; set; }

    /// <summary>
    /// What the items are waiting for now, for the progress bar (deletions and their places); null when nothing.
    /// </summary>
    public Func<string?>? Waiting { get; set; }

    /// <summary>
    /// What follows the batch (Remove-IotJob -Wait: every deletion to complete), waited for after the last item;
    /// what -PassThru writes is held until it ends, and then shows the items as they are once done.
    /// </summary>
    public Func<CancellationToken, Task>? FollowUp { get; set; }
}
