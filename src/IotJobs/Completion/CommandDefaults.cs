using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace IotJobs.Completion;

/// <summary>
/// The values $PSDefaultParameterValues gives a command's parameters, as the engine binds them: keys
/// "Command:Parameter", wildcards allowed in either part; a parameter pattern that fits several parameters gives
/// none; a parameter that entries give different values gets none; "Disabled" set to $true turns them all off;
/// a script block is run for its value.
/// </summary>
internal static class CommandDefaults
{
    /// <summary>Parameter name → default value, for the command's parameters that have one.</summary>
    /// <param name="parameters">
    /// The command's parameters by the names and aliases they bind by (name or alias → parameter name), common
    /// parameters included.
    /// </param>
    public static IReadOnlyDictionary<string, object?> Of(
        IDictionary? defaults,
        string commandName,
        IReadOnlyList<KeyValuePair<string, string>> parameters
    )
    {
        var found = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        if (defaults == null || LanguagePrimitives.IsTrue(defaults["Disabled"]))
            return found;
        var conflicting = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry entry in defaults)
        {
            string[] parts = (entry.Key as string ?? "").Trim().Split(':');
            if (parts.Length != 2 || parts[0].Trim().Length == 0 || parts[1].Trim().Length == 0)
                continue;
            if (!WildcardPattern.Get(parts[0].Trim(), WildcardOptions.IgnoreCase).IsMatch(commandName))
                continue;
            var pattern = WildcardPattern.Get(parts[1].Trim(), WildcardOptions.IgnoreCase);
            var matched = parameters.Where(p => pattern.IsMatch(p.Key)).Take(2).ToList();
            if (matched.Count != 1)
                continue;
            string parameter = matched[0].Value;
            if (found.TryGetValue(parameter, out var earlier) && !Equals(earlier, entry.Value))
                conflicting.Add(parameter);
            found[parameter] = entry.Value;
        }
        foreach (var name in conflicting)
            found.Remove(name);
        return found;
    }

    /// <summary>A default's value as the command gets it: a script block is run, the rest taken as it is.</summary>
    public static object? ValueOf(object? value) =>
        PromptSession.Unwrapped(value) is ScriptBlock script
            ? PromptSession.Unwrapped(script.Invoke().FirstOrDefault())
            : PromptSession.Unwrapped(value);
}
