using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading;
using System.Threading.Tasks;
using IotJobs.Client;
using IotJobs.Client.Model;
using IotJobs.Cmdlets;
using IotJobs.Connections;

namespace IotJobs.Completion;

/// <summary>
/// Names for tab completion, read from the service the way the command would connect (its parameters on the command
/// line, then $PSDefaultParameterValues for it, then AWS.Tools' session defaults and the standard chain), and kept
/// for half a minute, so repeated Tab presses send no request. Completion must never hang or fail the prompt: a
/// slow or failing service gives no names.
/// </summary>
internal static class CompletionSource
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(3);
    private const int MaxNames = 1000;

    /// <summary>The parameters that say where a command connects, as the cmdlets declare them.</summary>
    private static readonly string[] ConnectionParameters =
    {
        nameof(GetCmdlet.Region),
        nameof(GetCmdlet.ProfileName),
        nameof(IotJobsCmdlet.EndpointUrl),
        nameof(IotJobsCmdlet.Credential),
        nameof(IotJobsCmdlet.AllowUnencryptedEndpoint),
    };

    private static readonly ConcurrentDictionary<string, (DateTimeOffset At, IReadOnlyList<string> Names)> Cache = new(
        StringComparer.Ordinal
    );

    public static IReadOnlyList<string> JobIds(string commandName, IDictionary boundParameters) =>
        Cached(commandName, boundParameters, "jobs", (client, ct) =>
            Collect(
                token => client.ListJobsAsync(new ListJobsRequest { MaxResults = 250, NextToken = token }, ct),
                page => page.NextToken,
                page => page.Jobs.Select(j => j.JobId ?? "")
            )
        );

    /// <summary>Things that have an execution of the job named on the command line; none without one.</summary>
    public static IReadOnlyList<string> ThingNames(string commandName, IDictionary boundParameters)
    {
        if (!(boundParameters["JobId"] is string jobId) || jobId.Length == 0)
            return Array.Empty<string>();
        return Cached(commandName, boundParameters, "things of " + jobId, (client, ct) => Collect(
                token =>
                    client.ListJobExecutionsForJobAsync(
                        new ListJobExecutionsForJobRequest
                        {
                            JobId = jobId,
                            MaxResults = 250,
                            NextToken = token,
                        },
                        ct
                    ),
                page => page.NextToken,
                page => page.ExecutionSummaries.Select(s => s.ThingName ?? "")
            ));
    }

    /// <summary>Names page by page until the last page or <see cref="MaxNames"/>.</summary>
    private static async Task<List<string>> Collect<TPage>(
        Func<string?, Task<TPage>> fetch,
        Func<TPage, string?> nextToken,
        Func<TPage, IEnumerable<string>> names
    )
    {
        var found = new List<string>();
        await Paging
            .EachPageAsync(fetch, nextToken, page =>
            {
                found.AddRange(names(page));
                return found.Count < MaxNames;
            })
            .ConfigureAwait(false);
        return found;
    }

    private static IReadOnlyList<string> Cached(
        string commandName,
        IDictionary boundParameters,
        string what,
        Func<IIotJobsClient, CancellationToken, Task<List<string>>> read
    )
    {
        try
        {
            var settings = SettingsFor(commandName, boundParameters);
            string key = ClientFactory.SourceKey(settings) + "|" + what;
            if (Cache.TryGetValue(key, out var hit) && TimeProvider.System.GetUtcNow() - hit.At < KeepFor)
                return hit.Names;
            var client = ClientFactory.Create(settings, new IotJobsClientOptions(), null, null);
            try
            {
                using var patience = new CancellationTokenSource(Patience);
                var names = read(client, patience.Token)
                    .GetAwaiter()
                    .GetResult()
                    .Where(n => n.Length > 0)
                    .Distinct(StringComparer.Ordinal)
                    .OrderBy(n => n, StringComparer.Ordinal)
                    .ToList();
                Cache[key] = (TimeProvider.System.GetUtcNow(), names);
                return names;
            }
            finally
            {
                if (ClientFactory.MakesOwnClients)
                    client.Dispose();
            }
        }
        catch (Exception)
        {
            // No credentials, no network, a slow service: completion offers nothing rather than an error.
            return Array.Empty<string>();
        }
    }

    /// <summary>
    /// The command's connection settings as the engine would bind them: the parameters typed so far, else the
    /// command's entries in $PSDefaultParameterValues, then the session's defaults.
    /// </summary>
    private static ConnectionSettings SettingsFor(string commandName, IDictionary boundParameters)
    {
        var session = CurrentSession();
        var defaults = Unwrapped(session?.GetValue("PSDefaultParameterValues")) as IDictionary;
        var given = new Hashtable(StringComparer.OrdinalIgnoreCase);
        foreach (var name in ConnectionParameters)
            given[name] = boundParameters.Contains(name)
                ? boundParameters[name]
                : DefaultOf(defaults, commandName, name);
        return ConnectionSettings.From(given, name => session?.GetValue(name));
    }

    /// <summary>
    /// The session's variables, as the prompt's completion runs inside it. (Runspace.SessionStateProxy refuses calls
    /// while a pipeline runs, and completion is one; a script block run here reaches the session itself.)
    /// </summary>
    private static PSVariableIntrinsics? CurrentSession() =>
        Runspace.DefaultRunspace == null
            ? null
            : (
                ScriptBlock.Create("$ExecutionContext.SessionState").Invoke().FirstOrDefault()?.BaseObject
                as SessionState
            )?.PSVariable;

    private static object? Unwrapped(object? value) => value is PSObject o ? o.BaseObject : value;

    /// <summary>A parameter's value from $PSDefaultParameterValues ("Command:Parameter", wildcards allowed); plain values only.</summary>
    private static object? DefaultOf(IDictionary? defaults, string commandName, string parameter)
    {
        if (defaults == null || LanguagePrimitives.IsTrue(defaults["Disabled"]))
            return null;
        foreach (DictionaryEntry entry in defaults)
        {
            string key = entry.Key?.ToString() ?? "";
            int colon = key.LastIndexOf(':');
            if (colon <= 0 || entry.Value is ScriptBlock)
                continue;
            var command = new WildcardPattern(key.Substring(0, colon).Trim(), WildcardOptions.IgnoreCase);
            var name = new WildcardPattern(key.Substring(colon + 1).Trim(), WildcardOptions.IgnoreCase);
            if (command.IsMatch(commandName) && name.IsMatch(parameter))
                return entry.Value;
        }
        return null;
    }
}
