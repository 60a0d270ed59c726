using System;
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
/// Remove-IotJob: deletes jobs and their executions. Without -Force only COMPLETED and CANCELED jobs are deleted;
/// -Force deletes in-progress ones too and skips the prompt. A batch keeps within the service's 10 deletions in
/// progress instead of failing.
/// </summary>
[Cmdlet(
    VerbsCommon.Remove,
    "IotJob",
    HelpUri = HelpLinks.Pages + "Remove-IotJob.md",
    SupportsShouldProcess = true,
    ConfirmImpact = ConfirmImpact.High
)]
[OutputType(typeof(IotJob))]
public sealed class RemoveIotJobCommand : ChangeCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ItemInput(InputRule.JobId)]
    [ArgumentCompleter(typeof(JobIdCompleter))]
    public string[] JobId { get; set; } = Array.Empty<string>();

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [EmptyAsNull]
    [ItemInput(InputRule.NamespaceId)]
    public string? NamespaceId { get; set; }

    /// <summary>Return only when every deletion has completed.</summary>
    [Parameter]
    public SwitchParameter Wait { get; set; }

    /// <summary>
    /// A folder: before each deletion, the job, its document and its executions are written there, one file per job.
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? BackupPath { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private protected override ChangeDeclaration Declare()
    {
        var deletions = new Deletions(Work.Cancellation, Note);
        return new(Change.DeleteJob, (plan, cancellation) => deletions.DeleteAsync(
                plan,
                new DeleteJobRequest
                {
                    JobId = plan.Target.JobId,
                    NamespaceId = plan.Target.NamespaceId,
                    Force = plan.Forced ? true : null,
                },
                cancellation
            ))
        {
            // The deletion may first wait for one of the service's deletion places: it says itself when it leaves.
            MarksSending = true,
            PassThru = PassThru,
            BackupFolder = FolderFor(BackupPath),
            FollowUp = Wait ? _ => deletions.WhenAllGoneAsync() : null,
            Waiting = deletions.Describe,
        };
    }

    private protected override void ProcessItem()
    {
        var piped = Piped;
        foreach (var id in JobId)
            Act(ItemTarget.Job(id, NamespaceId, piped), JobId.Length);
    }
}
