using System.Management.Automation;
using System.Threading.Tasks;
using IotJobs.Model;

namespace IotJobs.Changes;

/// <summary>
/// What the per-item runner needs of the cmdlet that runs it: to ask, to write, and to wait on the pipeline
/// thread. The engine's cmdlets implement it (<see cref="Cmdlets.CmdletHost"/>); tests implement it with a
/// recorder, so the runner is tested without a pipeline. Every member is called on the pipeline thread,
/// but <see cref="WarnOnConsole"/>, which Ctrl+C calls from its own.
/// </summary>
internal interface IChangeHost
{
    /// <summary>-WhatIf, or $WhatIfPreference: describe each item, change nothing.</summary>
    bool WhatIf { get; }

    /// <summary>
    /// Whether <see cref="Approve"/> will ask a person, so the item's freshest state is worth reading.
    /// </summary>
    bool WillPrompt(bool force);

    /// <summary>
    /// -ErrorAction Stop (or $ErrorActionPreference): the first error ends the command, so items start in input order,
    /// no more than -ThrottleLimit unwritten at once (with the default of 1, nothing is sent after an error).
    /// </summary>
    bool StopsAtFirstError { get; }

    /// <summary>
    /// A person answered "No to All": the rest of the batch is skipped, without reading or refusing it.
    /// </summary>
    bool DeclinedAll { get; }

    /// <summary>
    /// The per-item safety rule: -WhatIf always wins (describe, change nothing); -Force skips the prompt unless
    /// -Confirm was given; otherwise the person is asked (Yes, Yes to All, No, No to All) as $ConfirmPreference and
    /// the ConfirmImpact say, and -WhatIf's line is written through ShouldProcess.
    /// </summary>
    bool Approve(string description, bool force);

    void WriteObject(object item);

    void WriteError(ErrorRecord record);

    void WriteWarning(string text);

    /// <summary>Ends the command with the error: nothing else can succeed (rejected credentials, say).</summary>
    void Terminate(ErrorRecord record);

    void WriteProgress(ProgressRecord record);

    /// <summary>The batch in one line: to the information stream, and after a dry run as a last What-if line.</summary>
    void WriteSummary(IotJobsSummary summary);

    /// <summary>After Ctrl+C the pipeline writes nothing more: a warning straight to the host's console.</summary>
    void WarnOnConsole(string text);

    /// <summary>
    /// Blocks until the task ends, writing what work reports meanwhile; Ctrl+C ends the wait at once.
    /// </summary>
    void WaitFor(Task task);
}
