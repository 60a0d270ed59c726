using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace IotJobs.Completion;

/// <summary>Completes -JobId with the ids of the jobs in the account.</summary>
public sealed class JobIdCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(
        string commandName,
        string parameterName,
        string wordToComplete,
        CommandAst commandAst,
        IDictionary fakeBoundParameters
    ) => Matches.Of(CompletionSource.JobIds(commandName, fakeBoundParameters), wordToComplete, id => "job " + id);
}
