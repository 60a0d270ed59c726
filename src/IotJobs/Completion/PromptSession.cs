using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace IotJobs.Completion;

/// <summary>
/// The session as a command typed at the prompt sees it: its variables and the command's parameters. Completion runs
/// on the prompt's thread, inside whoever asked for it, and the console's PSReadLine asks from its own module: a
/// module's session state has its own, empty, $PSDefaultParameterValues, so there the global scope (where the
/// prompt's commands run) is read instead. Asked from a script, the script's own scope is read, as its commands would.
/// </summary>
internal sealed class PromptSession
{
    private readonly EngineIntrinsics? engine;
    private readonly string scope;

    private PromptSession(EngineIntrinsics? engine)
    {
        this.engine = engine;
        scope = engine?.SessionState.Module != null ? "global:" : "";
    }

    /// <summary>
    /// The session completion runs in. (Runspace.SessionStateProxy refuses calls while a pipeline runs, and
    /// completion is one; a script block run here reaches the session itself.)
    /// </summary>
    public static PromptSession Current() =>
        new(
            Runspace.DefaultRunspace == null
                ? null
                : ScriptBlock.Create("$ExecutionContext").Invoke().FirstOrDefault()?.BaseObject as EngineIntrinsics
        );

    /// <summary>A variable's value, unwrapped; null when it is not set.</summary>
    public object? Variable(string name) => Unwrapped(engine?.SessionState.PSVariable.GetValue(scope + name));

    /// <summary>
    /// A cmdlet's parameters, common parameters included, by the names and aliases they bind by: name or alias →
    /// parameter name. Empty for a command the session does not know.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> ParametersOf(string commandName)
    {
        var parameters = engine?.InvokeCommand.GetCmdlet(commandName)?.Parameters;
        return parameters == null
            ? new KeyValuePair<string, string>[0]
            : parameters
                .Values.SelectMany(p =>
                    p.Aliases.Prepend(p.Name).Select(name => new KeyValuePair<string, string>(name, p.Name))
                )
                .ToList();
    }

    public static object? Unwrapped(object? value) => value is PSObject o ? o.BaseObject : value;
}
