using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using IotJobs.Changes;
using IotJobs.Client.Model;
using IotJobs.Cmdlets.Validation;
using IotJobs.Completion;
using IotJobs.Items;
using IotJobs.Model;
using IotJobs.Rules;

namespace IotJobs.Cmdlets;

/// <summary>
/// Stop-IotJobExecution: cancels the execution of a job on a thing. Queued executions are canceled; in-progress
/// ones only with -Force (the device may be mid-update).
/// </summary>
[Cmdlet(
    VerbsLifecycle.Stop,
    "IotJobExecution",
    HelpUri = HelpLinks.Pages + "Stop-IotJobExecution.md",
    SupportsShouldProcess = true,
    ConfirmImpact = ConfirmImpact.Medium
)]
[OutputType(typeof(IotJobExecution))]
public sealed class StopIotJobExecutionCommand : ChangeCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ItemInput(InputRule.JobId)]
    [ArgumentCompleter(typeof(JobIdCompleter))]
    public string JobId { get; set; } = "";

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ItemInput(InputRule.ThingName)]
    [ArgumentCompleter(typeof(ThingNameCompleter))]
    public string ThingName { get; set; } = "";

    /// <summary>
    /// Cancel only if the execution is still at this version. Binds from a piped execution's VersionNumber.
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("VersionNumber")]
    [EmptyAsNull]
    [ItemInput(InputRule.ExpectedVersion)]
    public long? ExpectedVersion { get; set; }

    /// <summary>At most 10 name/value pairs recorded on the execution.</summary>
    [Parameter]
    [ValidateStatusDetails]
    public Hashtable? StatusDetails { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private protected override ChangeDeclaration Declare() =>
        new(Change.CancelJobExecution, (plan, cancellation) => plan.Connection.Client.CancelJobExecutionAsync(
                new CancelJobExecutionRequest
                {
                    JobId = plan.Target.JobId,
                    ThingName = plan.Target.ThingName,
                    ExpectedVersion = plan.ExpectedVersion,
                    StatusDetails = Details(),
                    Force = plan.Forced ? true : null,
                },
                cancellation
            )) { PassThru = PassThru };

    private protected override void ProcessItem()
    {
        // A piped execution names its number: the cancel acts on the thing's current execution, which must be it.
        var piped = Piped;
        long? number = piped?.Live is IotJobExecution execution ? execution.ExecutionNumber : null;
        Act(ItemTarget.Execution(JobId, ThingName, number, null, piped), expectedVersion: ExpectedVersion);
    }

    private Dictionary<string, string>? Details()
    {
        if (StatusDetails == null)
            return null;
        var details = new Dictionary<string, string>();
        foreach (DictionaryEntry pair in StatusDetails)
            details[pair.Key.ToString()!] = pair.Value?.ToString() ?? "";
        return details;
    }
}
