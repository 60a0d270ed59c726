using System;

namespace IotJobs.Client
{
    /// <summary>
    /// The clock, the waits and the limits that the client's parts share: <see cref="ResiliencePolicy"/>, the
    /// <see cref="RequestPacer"/>s and the <see cref="DeletionScheduler"/>. A new instance has the values the product
    /// runs with; tests set a fake clock, short waits or a seeded jitter. Set what you change before handing it on.
    /// </summary>
    internal sealed class IotJobsClientOptions
    {
        /// <summary>Attempts of one request against transient faults: the SDK's standard mode has 3.</summary>
        public const int DefaultMaxAttempts = 3;

        private RequestPacers? pacers;

        /// <summary>Where every wait and every "now" of the client comes from.</summary>
        public TimeProvider Time { get; set; } = TimeProvider.System;

        /// <summary>The random share of each retry's wait.</summary>
        public Jitter Jitter { get; set; } = new Jitter();

        /// <summary>
        /// The request rates, shared by every client that holds the same registry. Unless set: the process's own
        /// (<see cref="RequestPacers.Shared"/>) on the system clock, else one of these options' own on
        /// <see cref="Time"/>, since a rate learned on one clock means nothing on another.
        /// </summary>
        public RequestPacers Pacers
        {
            get => pacers ??= Time == TimeProvider.System ? RequestPacers.Shared : new RequestPacers(Time);
            set => pacers = value;
        }

        // ResiliencePolicy.

        /// <summary>Attempts of one request against transient faults (5xx, timeouts, dropped connections).</summary>
        public int MaxAttempts { get; set; } = DefaultMaxAttempts;

        /// <summary>The first wait after a transient failure or a throttle; each later one is twice the last.</summary>
        public TimeSpan TransientWait { get; set; } = TimeSpan.FromMilliseconds(200);

        /// <summary>
        /// The longest wait between two throttled attempts: throttling is waited out however long it lasts.
        /// </summary>
        public TimeSpan ThrottleWaitMax { get; set; } = TimeSpan.FromSeconds(5);

        /// <summary>The first wait of a CancelJob at the account's limit of jobs being canceled at once.</summary>
        public TimeSpan ConcurrencyLimitWait { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>The longest of those waits: each is twice the last, up to this.</summary>
        public TimeSpan ConcurrencyLimitWaitMax { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>How long a CancelJob waits for the account's concurrency limit in all before it fails.</summary>
        public TimeSpan ConcurrencyLimitPatience { get; set; } = TimeSpan.FromMinutes(15);

        // DeletionScheduler.

        /// <summary>The shortest time between two polls of the deletions in progress.</summary>
        public TimeSpan DeletionPollGap { get; set; } = TimeSpan.FromMilliseconds(100);

        /// <summary>How long a deletion is taken to last before one has been seen gone.</summary>
        public TimeSpan DeletionFirstGuess { get; set; } = TimeSpan.FromSeconds(2);

        /// <summary>A poll for a place waits until this many deletions should be done: one poll per so many.</summary>
        public int DeletionPollGroup { get; set; } = 5;

        /// <summary>The first wait between polls while deletions started elsewhere hold the places.</summary>
        public TimeSpan OthersDeletingWait { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>The longest of those waits: each is twice the last, up to this.</summary>
        public TimeSpan OthersDeletingWaitMax { get; set; } = TimeSpan.FromSeconds(30);
    }
}
