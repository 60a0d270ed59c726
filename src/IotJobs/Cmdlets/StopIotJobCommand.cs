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
/// Stop-IotJob: cancels jobs. Queued executions are canceled; in-progress ones only with -Force, which also skips
/// the confirmation prompt.
/// </summary>
[Cmdlet(
    VerbsLifecycle.Stop,
    "IotJob",
    HelpUri = HelpLinks.Pages + "Stop-IotJob.md",
    SupportsShouldProcess = true,
    ConfirmImpact = ConfirmImpact.Medium
)]
[OutputType(typeof(IotJob))]
public sealed class StopIotJobCommand : ChangeCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ItemInput(InputRule.JobId)]
    [ArgumentCompleter(typeof(JobIdCompleter))]
    public string[] JobId { get; set; } = Array.Empty<string>();

    [Parameter]
    [ValidateReasonCode]
    [ArgumentCompleter(typeof(ReasonCodeCompleter))]
    public string? ReasonCode { get; set; }

    [Parameter]
    [ValidateComment]
    public string? Comment { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private protected override ChangeDeclaration Declare() =>
        new(Change.CancelJob, (plan, cancellation) => plan.Connection.Client.CancelJobAsync(
                new CancelJobRequest
                {
                    JobId = plan.Target.JobId,
                    ReasonCode = ReasonCode,
                    Comment = Comment,
                    Force = plan.Forced ? true : null,
                },
                cancellation
            )) { PassThru = PassThru };

    private protected override void ProcessItem()
    {
        var piped = Piped;
        foreach (var id in JobId)
            Act(ItemTarget.Job(id, null, piped), JobId.Length);
    }
}
