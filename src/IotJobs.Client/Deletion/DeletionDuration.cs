using System;

namespace IotJobs.Client
{
    /// <summary>
    /// How long deletions are taking, learned from the polls that watch them: the longest age at which one
    /// was still in progress, and the shortest at which one was gone. Deletions take from seconds to many
    /// minutes (a job's executions go with it), so the scheduler polls when this says a deletion will be
    /// done, and the number of polls does not grow with the time deletions take.
    /// </summary>
    internal sealed class DeletionDuration
    {
        /// <summary>Before anything is known: the service's typical time for a job with few executions.</summary>
        private readonly TimeSpan firstGuess;

        private TimeSpan stillDeleting = TimeSpan.Zero;
        private TimeSpan? gone;

        public DeletionDuration(TimeSpan firstGuess) => this.firstGuess = firstGuess;

        /// <summary>When a deletion of this age is expected to be done.</summary>
        public TimeSpan Expected
        {
            get
            {
                // Until one is seen gone, look later each time: 1.6 times the longest still in progress, so that
                // learning a deletion's time takes few polls (6 from 2 s to 20 s) and is found at most 60% late.
                if (gone == null)
                    return Max(firstGuess, TimeSpan.FromTicks(stillDeleting.Ticks * 8 / 5));
                // Durations vary (or the ages' half round trips did): one longer than any seen gone pushes the next
                // look later.
                if (gone.Value <= stillDeleting)
                    return TimeSpan.FromTicks(stillDeleting.Ticks * 21 / 20);
                // Known to within a tenth: the age at which one was seen gone.
                if ((gone.Value - stillDeleting).Ticks * 10 < gone.Value.Ticks)
                    return gone.Value;
                // Else three quarters of the way from the one bound to the other: a look then mostly finds them
                // done, and one that does not narrows the bounds for the next.
                return stillDeleting + TimeSpan.FromTicks((gone.Value - stillDeleting).Ticks * 3 / 4);
            }
        }

        /// <summary>Whether a deletion has been seen gone: until then, looks only learn how long they take.</summary>
        public bool Known => gone != null;

        public void SeenDeleting(TimeSpan age) => stillDeleting = Max(stillDeleting, age);

        public void SeenGone(TimeSpan age) => gone = gone == null || age < gone ? age : gone;

        private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
    }
}
