using System;
using System.Collections.Generic;
using System.Linq;

namespace IotJobs.Client
{
    /// <summary>
    /// When a look at the deletions in progress is worth its request: when the deletions expected to end first
    /// are expected done, taken as a group of those that end close together, so that each look finds several done
    /// and no free place stays unused while a far later deletion is awaited.
    /// </summary>
    internal static class DeletionPollTiming
    {
        /// <param name="started">When each deletion in progress started.</param>
        /// <param name="expected">How long a deletion is expected to take.</param>
        /// <param name="group">
        /// How many deletions one look may wait for: 1 while their time is unknown (a look is for the oldest: its
        /// age is what the look learns, and timing it by a younger one would make each look later than the last by
        /// more than the ratio meant), a few while deletions wait for a place, all of them for -Wait alone.
        /// </param>
        /// <param name="roundTrip">
        /// The last listing's round trip: sent half of it early, it looks when they are due.
        /// </param>
        public static DateTimeOffset Due(
            IEnumerable<DateTimeOffset> started,
            TimeSpan expected,
            int group,
            TimeSpan roundTrip
        )
        {
            var done = started.Select(start => start + expected).OrderBy(t => t).ToList();
            if (done.Count == 0)
                throw new ArgumentException("No deletion is in progress.", nameof(started));
            int most = Math.Max(1, Math.Min(group, done.Count));
            // Deletions that end within a tenth of a deletion's time of each other end "together".
            var close = TimeSpan.FromTicks(expected.Ticks / 10);
            int last = 0;
            while (last + 1 < most && done[last + 1] - done[last] < close)
                last++;
            return done[last] - TimeSpan.FromTicks(roundTrip.Ticks / 2);
        }
    }
}
