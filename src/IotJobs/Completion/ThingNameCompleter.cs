using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace IotJobs.Completion;

/// <summary>Completes -ThingName with the things that run the job given by -JobId.</summary>
public sealed class ThingNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName,
        string parameterName,
        string wordToComplete,
        CommandAst commandAst,
        IDictionary fakeBoundParameters
    ) =>
        Matches.Of(CompletionSource.ThingNames(commandName, fakeBoundParameters), wordToComplete, name =>
            $"thing {name}, running job {fakeBoundParameters["JobId"]}"
        );
}
