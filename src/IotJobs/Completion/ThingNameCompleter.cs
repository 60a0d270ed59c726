using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace IotJobs.Completion;

/// <summary>
/// Completes -ThingName with the things that run the job given by -JobId, or, without one, with the things of the
/// registry.
/// </summary>
public sealed class ThingNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName,
        string parameterName,
        string wordToComplete,
        CommandAst commandAst,
        IDictionary fakeBoundParameters
    )
    {
        string? jobId = CompletionSource.JobOf(fakeBoundParameters);
        return Matches.Of(CompletionSource.ThingNames(commandName, fakeBoundParameters), wordToComplete, name =>
            jobId == null ? "thing " + name : $"thing {name}, running job {jobId}"
        );
    }
}
