using System;
using System.Collections;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using IotJobs.Client;
using IotJobs.Client.Model;

namespace IotJobs.Cmdlets.Completion
{
    /// <summary>
    /// Names for tab completion, read from the service with the connection parameters already on
    /// the command line and kept for half a minute, so repeated Tab presses send no request.
    /// Completion must never hang or fail the prompt: a slow or failing service gives no names.
    /// </summary>
    internal static class CompletionSource
    {
        private static readonly TimeSpan KeepFor = TimeSpan.FromSeconds(30);
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(3);
        private const int MaxNames = 1000;
        private static readonly ConcurrentDictionary<string, (DateTime At, IReadOnlyList<string> Names)> Cache =
            new ConcurrentDictionary<string, (DateTime, IReadOnlyList<string>)>(StringComparer.Ordinal);

        public static IReadOnlyList<string> JobIds(IDictionary boundParameters) =>
            Cached(boundParameters, "jobs", (client, ct) => Collect(token =>
                {
                    var page = client
                        .ListJobsAsync(new ListJobsRequest { MaxResults = 250, NextToken = token }, ct)
                        .GetAwaiter()
                        .GetResult();
                    return (page.Jobs.Select(j => j.JobId ?? ""), page.NextToken);
                }));

        /// <summary>Things that have an execution of the job named on the command line; none without one.</summary>
        public static IReadOnlyList<string> ThingNames(IDictionary boundParameters)
        {
            if (!(boundParameters["JobId"] is string jobId) || jobId.Length == 0)
                return Array.Empty<string>();
            return Cached(boundParameters, "things of " + jobId, (client, ct) => Collect(token =>
                {
                    var page = client
                        .ListJobExecutionsForJobAsync(
                            new ListJobExecutionsForJobRequest
                            {
                                JobId = jobId,
                                MaxResults = 250,
                                NextToken = token,
                            },
                            ct
                        )
                        .GetAwaiter()
                        .GetResult();
                    return (page.ExecutionSummaries.Select(s => s.ThingName ?? ""), page.NextToken);
                }));
        }

        /// <summary>Names page by page until the last page or <see cref="MaxNames"/>.</summary>
        private static List<string> Collect(Func<string?, (IEnumerable<string> Names, string? NextToken)> page)
        {
            var names = new List<string>();
            string? token = null;
            do
            {
                var (found, next) = page(token);
                names.AddRange(found);
                token = next;
            } while (token != null && names.Count < MaxNames);
            return names;
        }

        private static IReadOnlyList<string> Cached(
            IDictionary boundParameters,
            string what,
            Func<IIotJobsClient, CancellationToken, List<string>> read
        )
        {
            var connection = new IotJobsConnection
            {
                Region = boundParameters["Region"] as string,
                ProfileName = boundParameters["ProfileName"] as string,
                EndpointUrl = boundParameters["EndpointUrl"] as string,
            };
            var injected = ClientOverride.ForCurrentRunspace();
            string source =
                injected == null
                    ? $"{connection.Region}|{connection.ProfileName}|{connection.EndpointUrl}"
                    : "injected " + RuntimeHelpers.GetHashCode(injected);
            string key = source + "|" + what;
            if (Cache.TryGetValue(key, out var hit) && DateTime.UtcNow - hit.At < KeepFor)
                return hit.Names;
            try
            {
                using var owned = injected == null ? connection.CreateClient() : null;
                using var patience = new CancellationTokenSource(Patience);
                var names = read(injected ?? owned!, patience.Token)
                    .Where(n => n.Length > 0)
                    .Distinct(StringComparer.Ordinal)
                    .OrderBy(n => n, StringComparer.Ordinal)
                    .ToList();
                Cache[key] = (DateTime.UtcNow, names);
                return names;
            }
            catch (Exception)
            {
                // No credentials, no network, a slow service: completion offers nothing rather than an error.
                return Array.Empty<string>();
            }
        }
    }
}
