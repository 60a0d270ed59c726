using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace IotJobs.Completion;

/// <summary>Suggests reason codes in the service's format; any other code of the same form is accepted too.</summary>
public sealed class ReasonCodeCompleter : IArgumentCompleter
{
    private static readonly (string Code, string Meaning)[] Suggestions =
    {
        ("ROLLBACK", "Undo a bad rollout"),
        ("BAD_BUILD", "The job's build is faulty"),
        ("SUPERSEDED", "A newer job replaces this one"),
        ("EMERGENCY_STOP", "Stop now, whatever the devices are doing"),
        ("MAINTENANCE", "Paused for maintenance"),
        ("DEVICE_RETIRED", "The targeted devices are being retired"),
    };

    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName,
        string parameterName,
        string wordToComplete,
        CommandAst commandAst,
        IDictionary fakeBoundParameters
    ) =>
        Matches.Of(Suggestions.Select(s => s.Code).ToList(), wordToComplete, code =>
            Suggestions.First(s => s.Code == code).Meaning
        );
}
