using System;
using System.Management.Automation;
using System.Reflection;
using System.Threading.Tasks;
using IotJobs.Changes;
using IotJobs.Model;
using IotJobs.Output;

namespace IotJobs.Cmdlets;

/// <summary>
/// The runner's view of a Stop- or Remove- cmdlet running in the engine: its streams, prompts and preferences.
/// </summary>
internal sealed class CmdletHost : IChangeHost
{
    private readonly PSCmdlet cmdlet;
    private readonly PipelineWork work;

    public CmdletHost(PSCmdlet cmdlet, PipelineWork work)
    {
        this.cmdlet = cmdlet;
        this.work = work;
    }

    public bool WhatIf =>
        Bound("WhatIf") is SwitchParameter whatIf
            ? whatIf.IsPresent
            : LanguagePrimitives.IsTrue(cmdlet.SessionState.PSVariable.GetValue("WhatIfPreference"));

    public bool WillPrompt(bool force)
    {
        if (WhatIf)
            return false;
        if (Bound("Confirm") is SwitchParameter confirm)
            return confirm.IsPresent;
        if (force)
            return false;
        var impact = cmdlet.GetType().GetCustomAttribute<CmdletAttribute>()?.ConfirmImpact ?? ConfirmImpact.Medium;
        var preference = LanguagePrimitives.ConvertTo<ConfirmImpact>(
            cmdlet.SessionState.PSVariable.GetValue("ConfirmPreference") ?? ConfirmImpact.High
        );
        return preference != ConfirmImpact.None && impact >= preference;
    }

    public bool DeclinedAll => noToAll;

    public bool StopsAtFirstError =>
        (
            Bound("ErrorAction")
            ?? LanguagePrimitives.ConvertTo<ActionPreference>(
                cmdlet.SessionState.PSVariable.GetValue("ErrorActionPreference") ?? ActionPreference.Continue
            )
        ) is ActionPreference.Stop;

    private bool yesToAll;
    private bool noToAll;

    public bool Approve(string description, bool force)
    {
        string question =
            $"Are you sure you want to {char.ToLowerInvariant(description[0])}{description.Substring(1)}?";
        if (!WhatIf && WillPrompt(force))
        {
            // Asked here rather than through ShouldProcess, so that "No to All" is known: the rest of the batch is
            // then skipped without a word, not refused item by item.
            return yesToAll || (!noToAll && cmdlet.ShouldContinue(question, "Confirm", ref yesToAll, ref noToAll));
        }
        // A dry run's What-if line; otherwise no prompt, and -Verbose says what is done.
        return (force && !WhatIf) || cmdlet.ShouldProcess(description + ".", question, "Confirm");
    }

    public void WriteObject(object item) => cmdlet.WriteObject(item);

    public void WriteError(ErrorRecord record) => cmdlet.WriteError(record);

    public void WriteWarning(string text) => cmdlet.WriteWarning(text);

    public void Terminate(ErrorRecord record) => cmdlet.ThrowTerminatingError(record);

    public void WriteProgress(ProgressRecord record) => cmdlet.WriteProgress(record);

    public void WriteSummary(IotJobsSummary summary)
    {
        if (summary.WhatIf && summary.Total > 1)
            cmdlet.Host.UI?.WriteLine("What if: " + summary);
        cmdlet.WriteInformation(summary, new[] { "IotJobs.Summary" });
    }

    public void WarnOnConsole(string text) => cmdlet.Host.UI.WriteWarningLine(text);

    public void WaitFor(Task task) => work.WaitFor(task);

    private object? Bound(string name) =>
        cmdlet.MyInvocation.BoundParameters.TryGetValue(name, out var value) ? value : null;
}
