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

        /// <summary>
        /// The pacer of one API's requests to one endpoint, in one region, with one set of credentials.
        /// </summary>
        public RequestPacer For(Uri endpoint, string region, string caller, string operation) =>
            byKey.GetOrAdd(KeyOf(endpoint, region, caller, operation), _ => new RequestPacer(time));

        /// <summary>
        /// Which requests share one rate: what the service limits, per account, region and API (about 10 requests a
        /// second for each Jobs API). The account is stood for by the credentials' access key id: on AWS every account
        /// of a region reaches the same host, so the endpoint alone would let one account's throttling slow another.
        /// </summary>
        internal static string KeyOf(Uri endpoint, string region, string caller, string operation) =>
            string.Join("|", endpoint.GetLeftPart(UriPartial.Authority), region, caller, operation);
    }
}
