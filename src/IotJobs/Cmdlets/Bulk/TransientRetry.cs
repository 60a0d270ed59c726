using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using IotJobs.Client;

namespace IotJobs.Cmdlets.Bulk
{
    /// <summary>
    /// A second line of retries, per call, for what the SDK's three attempts could not get past:
    /// throttling, 503 and dropped connections, each round waiting longer (1, 2, 4, 8 s). The service
    /// applied none of these, except possibly a change whose answer was lost: <see cref="RetryingClient"/>
    /// looks before sending one of those again.
    /// </summary>
    internal static class TransientRetry
    {
        /// <summary>Rounds after the SDK's own attempts; a knob for tests of what happens when they run out.</summary>
        internal static int Rounds { get; set; } = 4;

        public static async Task<T> RunAsync<T>(Func<Task<T>> call, CancellationToken cancellation)
        {
            var wait = TimeSpan.FromSeconds(1);
            for (int round = 0; ; round++)
            {
                try
                {
                    return await call().ConfigureAwait(false);
                }
                catch (Exception e) when (round < Rounds && IsTransient(e) && !cancellation.IsCancellationRequested)
                {
                    await Task.Delay(wait, cancellation).ConfigureAwait(false);
                    wait += wait;
                }
            }
        }

        public static bool IsTransient(Exception e) =>
            e is ThrottlingException || e is ServiceUnavailableException || e is HttpRequestException || e is IOException || e is AnswerLostException;
    }
}
