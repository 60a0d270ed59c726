using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IotJobs.Client;
using IotJobs.Client.Model;
using IotJobs.Cmdlets;
using IotJobs.Connections;

namespace IotJobs.Completion;

/// <summary>
/// Names for tab completion, read from the service the way the command would connect: its parameters on the command
/// line, then its entries in $PSDefaultParameterValues, then AWS.Tools' session defaults and the standard chain (the
/// environment, the shared files), or the runspace's test client. Through <see cref="NameCache"/>: kept for a while,
/// and never a hang or an error at the prompt.
/// </summary>
internal static class CompletionSource
{
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

    /// <summary>What the SDK's chain reads from the environment: a change there is another source of names.</summary>
    private static readonly string[] ChainVariables =
    {
        "AWS_ACCESS_KEY_ID",
        "AWS_PROFILE",
        "AWS_REGION",
        "AWS_DEFAULT_REGION",
        "AWS_ENDPOINT_URL_IOT",
        "AWS_ENDPOINT_URL",
        "AWS_CONFIG_FILE",
        "AWS_SHARED_CREDENTIALS_FILE",
    };

    public static IReadOnlyList<string> JobIds(string commandName, IDictionary boundParameters) =>
        Names(commandName, boundParameters, "jobs", (client, ct) =>
            Collect(
                token =>
                    client.ListJobsAsync(new ListJobsRequest { MaxResults = Paging.PageSize, NextToken = token }, ct),
                page => page.NextToken,
                page => page.Jobs.Select(j => j.JobId)
            )
        );

    /// <summary>
    /// With one job named by -JobId, the things that have an execution of it; else the things of the registry.
    /// </summary>
    public static IReadOnlyList<string> ThingNames(string commandName, IDictionary boundParameters)
    {
        if (JobOf(boundParameters) is not string jobId)
            return Names(commandName, boundParameters, "things", (client, ct) =>
                Collect(
                    token =>
                        client.ListThingsAsync(
                            new ListThingsRequest { MaxResults = Paging.PageSize, NextToken = token },
                            ct
                        ),
                    page => page.NextToken,
                    page => page.Things.Select(t => t.ThingName)
                )
            );
        return Names(commandName, boundParameters, "things of " + jobId, (client, ct) => Collect(
                token =>
                    client.ListJobExecutionsForJobAsync(
                        new ListJobExecutionsForJobRequest
                        {
                            JobId = jobId,
                            MaxResults = Paging.PageSize,
                            NextToken = token,
                        },
                        ct
                    ),
                page => page.NextToken,
                page => page.ExecutionSummaries.Select(s => s.ThingName)
            ));
    }

    /// <summary>The one job -JobId names on the command line, if any (a wildcard pattern names none).</summary>
    public static string? JobOf(IDictionary boundParameters) =>
        PromptSession.Unwrapped(boundParameters["JobId"]) is string id
        && id.Length > 0
        && !WildcardPattern.ContainsWildcardCharacters(id)
            ? id
            : null;

    /// <summary>
    /// The names <paramref name="read"/> finds with a client for the command's connection: decided here, on the
    /// prompt's thread (the session and the test seam are the runspace's); made and used on a thread of the pool.
    /// </summary>
    private static IReadOnlyList<string> Names(
        string commandName,
        IDictionary boundParameters,
        string what,
        Func<IIotJobsClient, CancellationToken, Task<List<string?>>> read
    )
    {
        try
        {
            var settings = SettingsFor(commandName, boundParameters);
            string key = string.Join(
                "|",
                ChainVariables.Select(Environment.GetEnvironmentVariable).Prepend(ClientFactory.SourceKey(settings))
            );
            var (make, owned) = ClientFactory.Later(settings, new IotJobsClientOptions());
            return NameCache.Shared.Get(key + "|" + what, async ct =>
            {
                var client = make();
                try
                {
                    return (await read(client, ct).ConfigureAwait(false))
                        .OfType<string>()
                        .Where(n => n.Length > 0)
                        .Distinct(StringComparer.Ordinal)
                        .OrderBy(n => n, StringComparer.Ordinal)
                        .ToList();
                }
                finally
                {
                    if (owned)
                        client.Dispose();
                }
            });
        }
        catch (Exception)
        {
            // A session that cannot be read, or a default that fails: completion offers nothing rather than an error.
            return Array.Empty<string>();
        }
    }

    /// <summary>Names page by page until the last page or <see cref="MaxNames"/>.</summary>
    private static async Task<List<string?>> Collect<TPage>(
        Func<string?, Task<TPage>> fetch,
        Func<TPage, string?> nextToken,
        Func<TPage, IEnumerable<string?>> names
    )
    {
        var found = new List<string?>();
        await Paging
            .EachPageAsync(fetch, nextToken, page =>
            {
                found.AddRange(names(page));
                return found.Count < MaxNames;
            })
            .ConfigureAwait(false);
        return found;
    }

    /// <summary>
    /// The command's connection settings as the engine would bind them: the parameters typed so far, else the
    /// command's defaults in $PSDefaultParameterValues; then the session's own defaults.
    /// </summary>
    private static ConnectionSettings SettingsFor(string commandName, IDictionary boundParameters)
    {
        var session = PromptSession.Current();
        var defaults = CommandDefaults.Of(
            session.Variable("PSDefaultParameterValues") as IDictionary,
            commandName,
            session.ParametersOf(commandName)
        );
        var given = new Hashtable(StringComparer.OrdinalIgnoreCase);
        foreach (var name in ConnectionParameters)
            given[name] =
                boundParameters.Contains(name) ? boundParameters[name]
                : defaults.TryGetValue(name, out var value) ? CommandDefaults.ValueOf(value)
                : null;
        return ConnectionSettings.From(given, session.Variable);
    }
}
