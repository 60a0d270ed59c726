using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;

namespace IotJobs.Hosting;

/// <summary>
/// A non-interactive PowerShell host that records what a user would see (text, prompts, progress), answers
/// confirmation prompts from a script, and can show it all on the console as it goes.
/// </summary>
public sealed class ScriptedHost(ScriptedHostOptions options) : PSHost
{
    private readonly ScriptedHostUI ui = new(options);

    public override string Name => options.Name;
    public override Version Version => new(1, 0);
    public override Guid InstanceId { get; } = Guid.NewGuid();
    public override PSHostUserInterface UI => ui;

    // Invariant, so that what tests read and what the demo shows does not depend on the machine's locale.
    public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;
    public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;

    /// <summary>
    /// Everything written so far, lines ended by "\n"; error, warning, verbose and debug lines prefixed.
    /// </summary>
    public string Text => ui.Text;

    /// <summary>The message of every confirmation prompt so far, in order.</summary>
    public IReadOnlyList<string> Prompts => ui.Prompts;

    /// <summary>Every progress record written so far, in order.</summary>
    public IReadOnlyList<ProgressRecord> Progress => ui.Progress;

    public override void SetShouldExit(int exitCode) { }

    public override void EnterNestedPrompt() => throw new NotSupportedException();

    public override void ExitNestedPrompt() => throw new NotSupportedException();

    public override void NotifyBeginApplication() { }

    public override void NotifyEndApplication() { }
}
