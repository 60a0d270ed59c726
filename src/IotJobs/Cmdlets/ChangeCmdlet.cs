using System.Management.Automation;
using IotJobs.Changes;
using IotJobs.Items;

namespace IotJobs.Cmdlets;

/// <summary>
/// The Stop- and Remove- cmdlets: each declares what it is (<see cref="Declare"/>) and hands its items to the
/// per-item runner (<see cref="ChangeRunner"/>), which does the rest.
/// </summary>
public abstract class ChangeCmdlet : IotJobsCmdlet
{
    private ChangeRunner? runner;

    /// <summary>
    /// The AWS region, e.g. eu-west-1. Default: where a piped item was found, else AWS_REGION, then the profile's
    /// region.
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Region { get; set; }

    /// <summary>
    /// A profile of the shared AWS config and credentials files. Default: the profile a piped item was read with, else
    /// AWS_PROFILE, then "default".
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? ProfileName { get; set; }

    /// <summary>
    /// How many items of one place (an account and region) may be under way at once. Places go on side by side, and
    /// an item waiting for one of its place's 10 deletion places lets the next one start (see <see cref="Lanes"/>);
    /// the service's limits are kept whatever the value. Under -ErrorAction Stop, items start in input
    /// order, at most this many at once across places (see <see cref="ChangeRunner"/>).
    /// </summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = 1;

    /// <summary>
    /// Change jobs that another service created and manages (an OTA update's, a Greengrass deployment's), and their
    /// executions, too; without it they are refused, with the owner's own way to do it.
    /// </summary>
    [Parameter]
    public SwitchParameter AllowServiceOwned { get; set; }

    /// <summary>
    /// Change items the service refuses to change while they are in progress (force=true), and do not ask.
    /// </summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    /// <summary>The cmdlet's change, its request and its options; called once, in BeginProcessing.</summary>
    private protected abstract ChangeDeclaration Declare();

    /// <summary>
    /// -BackupPath as a file system path, relative to the prompt's current location; null when not given.
    /// </summary>
    private protected string? FolderFor(string? backupPath) =>
        backupPath == null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(backupPath);

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        var declaration = Declare();
        declaration.Force = Force;
        declaration.ThrottleLimit = ThrottleLimit;
        declaration.AllowServiceOwned = AllowServiceOwned;
        runner = new ChangeRunner(declaration, new CmdletHost(this, Work), Connections, Work.Cancellation);
        Noted += runner.ShowNote;
    }

    /// <summary>Hands one item to the runner.</summary>
    /// <param name="itemsGiven">
    /// How many items this record names (an array given to -JobId), for the progress total.
    /// </param>
    /// <param name="expectedVersion">Stop-IotJobExecution's -ExpectedVersion for this item.</param>
    private protected void Act(ItemTarget target, int itemsGiven = 0, long? expectedVersion = null)
    {
        if (!MyInvocation.ExpectingInput && itemsGiven > 0)
            runner!.Expect(itemsGiven);
        runner!.Act(target, expectedVersion);
    }

    private protected override void RefuseInput(Errors.InvalidInputException invalid, object target) =>
        runner!.RefuseInput(invalid, target);

    protected override void EndProcessing() => runner!.Finish();

    protected override void StopProcessing()
    {
        // Which items are on their way must be read before cancelling ends them.
        runner?.Stop();
        base.StopProcessing();
    }
}
