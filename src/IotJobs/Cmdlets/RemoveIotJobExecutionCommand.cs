using System.Management.Automation;
using IotJobs.Changes;
using IotJobs.Client.Model;
using IotJobs.Cmdlets.Validation;
using IotJobs.Completion;
using IotJobs.Items;
using IotJobs.Rules;

namespace IotJobs.Cmdlets;

/// <summary>
/// Remove-IotJobExecution: deletes one execution, named by job, thing and execution number. Without -Force only
/// finished executions are deleted.
/// </summary>
[Cmdlet(
    VerbsCommon.Remove,
    "IotJobExecution",
    HelpUri = HelpLinks.Pages + "Remove-IotJobExecution.md",
    SupportsShouldProcess = true,
    ConfirmImpact = ConfirmImpact.High
)]
public sealed class RemoveIotJobExecutionCommand : ChangeCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ItemInput(InputRule.JobId)]
    [ArgumentCompleter(typeof(JobIdCompleter))]
    public string JobId { get; set; } = "";

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ItemInput(InputRule.ThingName)]
    [ArgumentCompleter(typeof(ThingNameCompleter))]
    public string ThingName { get; set; } = "";

    [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
    [ItemInput(InputRule.ExecutionNumber)]
    public long ExecutionNumber { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [EmptyAsNull]
    [ItemInput(InputRule.NamespaceId)]
    public string? NamespaceId { get; set; }

    /// <summary>
    /// A folder: before each deletion, the execution as described is written there, one file per execution.
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? BackupPath { get; set; }

    private protected override ChangeDeclaration Declare() =>
        new(Change.DeleteJobExecution, (plan, cancellation) => plan.Connection.Client.DeleteJobExecutionAsync(
                new DeleteJobExecutionRequest
                {
                    JobId = plan.Target.JobId,
                    ThingName = plan.Target.ThingName,
                    ExecutionNumber = plan.Target.ExecutionNumber,
                    NamespaceId = plan.Target.NamespaceId,
                    Force = plan.Forced ? true : null,
                },
                cancellation
            )) { BackupFolder = FolderFor(BackupPath) };

    private protected override void ProcessItem() =>
        Act(ItemTarget.Execution(JobId, ThingName, ExecutionNumber, NamespaceId, Piped));
}
