using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace IotJobs.Completion;

/// <summary>What Tab offers: the names that start with what was typed, quoted where PowerShell needs it.</summary>
internal static class Matches
{
    /// <summary>The names that start with what was typed (quotes and case aside).</summary>
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
