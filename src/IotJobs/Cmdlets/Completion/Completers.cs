using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace IotJobs.Cmdlets.Completion
{
    /// <summary>Completes -JobId with the ids of the jobs in the account.</summary>
    public sealed class JobIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(
            string commandName,
            string parameterName,
            string wordToComplete,
            CommandAst commandAst,
            IDictionary fakeBoundParameters
        ) => Matches.Of(CompletionSource.JobIds(fakeBoundParameters), wordToComplete, id => "job " + id);
    }

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
            Matches.Of(CompletionSource.ThingNames(fakeBoundParameters), wordToComplete, name =>
                $"thing {name}, running job {fakeBoundParameters["JobId"]}"
            );
    }

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

    internal static class Matches
    {
        /// <summary>The names that start with what was typed (quotes and case aside), quoted where PowerShell needs it.</summary>
        public static IEnumerable<CompletionResult> Of(
            IReadOnlyList<string> names,
            string wordToComplete,
            Func<string, string> tooltip
        )
        {
            string typed = (wordToComplete ?? "").Trim('\'', '"');
            return names
                .Where(n => n.StartsWith(typed, StringComparison.OrdinalIgnoreCase))
                .Select(n => new CompletionResult(
                    n.IndexOf(':') >= 0 ? $"'{n}'" : n,
                    n,
                    CompletionResultType.ParameterValue,
                    tooltip(n)
                ));
        }
    }
}
