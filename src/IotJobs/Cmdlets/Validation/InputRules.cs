using System;
using System.Collections;
using System.Globalization;
using System.Management.Automation;
using System.Text.RegularExpressions;

namespace IotJobs.Cmdlets.Validation;

/// <summary>
/// The one place of the service's constraints on the values a user gives, and of their words: what a valid value looks
/// like, said before any request. Parameter attributes and the cmdlets' checks of piped values both ask here.
/// </summary>
internal static class InputRules
{
    private static readonly Regex JobId = new("^[a-zA-Z0-9_-]{1,64}$", RegexOptions.CultureInvariant);
    private static readonly Regex JobIdPattern = new(@"^[a-zA-Z0-9_*?\[\]-]{1,64}$", RegexOptions.CultureInvariant);
    private static readonly Regex ThingName = new("^[a-zA-Z0-9:_-]{1,128}$", RegexOptions.CultureInvariant);
    private static readonly Regex NamespaceId = new("^[a-zA-Z0-9_-]{1,64}$", RegexOptions.CultureInvariant);
    private static readonly Regex ReasonCode = new(@"^[\p{Lu}\p{Nd}_]{1,128}$", RegexOptions.CultureInvariant);
    private static readonly Regex Comment = new(@"^[^\p{Cc}]{1,2028}$", RegexOptions.CultureInvariant);

    /// <summary>
    /// What is wrong with the value (each element of an array), in words that end "... is not valid: ..."; null when
    /// it is valid or not given (a null: an empty CSV column, a property a piped object does not have).
    /// </summary>
    /// <param name="command">The command the value was given to, for advice that names it.</param>
    public static string? Problem(InputRule rule, object? value, string command)
    {
        value = value is PSObject o ? o.BaseObject : value;
        if (value is IEnumerable elements && !(value is string))
        {
            foreach (var element in elements)
            {
                if (Problem(rule, element, command) is string problem)
                    return problem;
            }
            return null;
        }
        return value == null ? null : ProblemOf(rule, value, command);
    }

    private static string? ProblemOf(InputRule rule, object value, string command)
    {
        switch (rule)
        {
            case InputRule.ExecutionNumber:
            case InputRule.ExpectedVersion:
                long least = rule == InputRule.ExecutionNumber ? 1 : 0;
                long n = Convert.ToInt64(value, CultureInfo.InvariantCulture);
                return n >= least ? null : $"{n} is not valid: the value must be {least} or more.";
        }
        string text = value.ToString() ?? "";
        var (pattern, words) = rule switch
        {
            InputRule.JobId => (JobId, "a job id is 1 to 64 letters, digits, '-' or '_'."),
            InputRule.JobIdPattern => (
                JobIdPattern,
                "a job id is 1 to 64 letters, digits, '-' or '_'; wildcards *, ? and [] may select several."
            ),
            InputRule.ThingName => (ThingName, "a thing name is 1 to 128 letters, digits, ':', '-' or '_'."),
            InputRule.NamespaceId => (NamespaceId, "a namespace id is 1 to 64 letters, digits, '-' or '_'."),
            InputRule.ReasonCode => (
                ReasonCode,
                "a reason code is at most 128 upper-case letters, digits and underscores, such as ROLLBACK."
            ),
            _ => (Comment, "a comment is 1 to 2028 characters without control characters such as line breaks or tabs."),
        };
        if (pattern.IsMatch(text))
            return null;
        if (rule == InputRule.JobId && WildcardPattern.ContainsWildcardCharacters(text))
            return $"{Echo(text)} is not valid: {command} takes exact job ids, not wildcards. "
                + "To act on every job whose id matches it, list them first: "
                + $"Get-IotJob -JobId {Echo(text)} | {command}";
        return $"{Echo(text)} is not valid: {words}";
    }

    /// <summary>The value as a message quotes it: whole when short, else its start and its length.</summary>
    private static string Echo(string text) =>
        text.Length <= 64
            ? $"'{text}'"
            : $"'{text.Substring(0, 40)}...' ({text.Length.ToString("N0", CultureInfo.InvariantCulture)} characters)";
}
