using System;
using System.Collections.Concurrent;

namespace IotJobs.Client
{
    /// <summary>
    /// The <see cref="RequestPacer"/>s of a process: one per rate the service grants. Clients that hold the same
    /// registry share their pacing, so every command of a process slows down together when the service throttles.
    /// </summary>
    internal sealed class RequestPacers
    {
        private readonly ConcurrentDictionary<string, RequestPacer> byKey = new ConcurrentDictionary<
            string,
            RequestPacer
        >(StringComparer.OrdinalIgnoreCase);
        private readonly TimeProvider time;

        public RequestPacers(TimeProvider time) => this.time = time ?? throw new ArgumentNullException(nameof(time));

        /// <summary>
        /// The process's registry, on the system clock: what every client uses unless told otherwise.
        /// </summary>
        public static RequestPacers Shared { get; } = new RequestPacers(TimeProvider.System);

        /// <summary>The pacer of the requests sent to <paramref name="endpoint"/>.</summary>
        public RequestPacer For(Uri endpoint) => byKey.GetOrAdd(KeyOf(endpoint), _ => new RequestPacer(time));

        /// <summary>
        /// Which requests share one rate: for now, those to one endpoint (scheme, host and port). The service's
        /// limits are per account, region and API; this is the one place to say so when the key changes.
        /// </summary>
        internal static string KeyOf(Uri endpoint) => endpoint.GetLeftPart(UriPartial.Authority);
    }
}
