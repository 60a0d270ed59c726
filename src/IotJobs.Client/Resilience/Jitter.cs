using System;

namespace IotJobs.Client
{
    /// <summary>
    /// The random part of the waits between retries, so that clients that failed together do not retry together.
    /// Seeded, it gives the same waits every time (tests); unseeded, each instance is seeded apart.
    /// </summary>
    internal sealed class Jitter
    {
        private readonly object gate = new object();
        private readonly Random random;

        // Random's own default seed comes from the tick count: two instances made in the same tick would agree.
        public Jitter()
            : this(Guid.NewGuid().GetHashCode()) { }

        public Jitter(int seed) => random = new Random(seed);

        /// <summary>Somewhere from half the wait to the whole of it.</summary>
        public TimeSpan Apply(TimeSpan wait)
        {
            double share;
            lock (gate)
                share = random.NextDouble();
            return TimeSpan.FromTicks((long)(wait.Ticks * (0.5 + 0.5 * share)));
        }
    }
}
