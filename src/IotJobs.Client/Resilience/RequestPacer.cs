using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace IotJobs.Client
{
    /// <summary>
    /// One request rate, shared by every client and cmdlet that sends to where its key says
    /// (<see cref="RequestPacers"/>), learned from the service's throttling: unpaced until the first
    /// ThrottlingException, then paced at the rate the service was granting, cut by a fifth at each throttle and
    /// raised by half a request per second each second without one (AIMD). A quiet half minute lifts the pacing.
    /// So a batch that meets the account's limit slows down as a whole instead of failing items.
    /// </summary>
    internal sealed class RequestPacer
    {
        private static readonly TimeSpan Forget = TimeSpan.FromSeconds(30);
        private const double MinimumRate = 0.5;
        private const double IncreasePerSecond = 0.5;

        private readonly TimeProvider time;
        private readonly object gate = new object();
        private readonly Queue<DateTimeOffset> recentSuccesses = new Queue<DateTimeOffset>();
        private double? rate;
        private DateTimeOffset nextSlot;
        private DateTimeOffset lastThrottle;

        public RequestPacer(TimeProvider time) => this.time = time;

        /// <summary>Waits for this request's turn.</summary>
        public Task WaitAsync(CancellationToken cancellationToken) => WaitAsync(cancellationToken, out _);

        /// <summary>
        /// Waits for this request's turn; <paramref name="wait"/> is how long (zero when unpaced), for -Debug.
        /// </summary>
        public Task WaitAsync(CancellationToken cancellationToken, out TimeSpan wait)
        {
            wait = Reserve();
            return wait > TimeSpan.Zero ? time.Delay(wait, cancellationToken) : Task.CompletedTask;
        }

        /// <summary>Takes this request's turn: how long until it comes.</summary>
        private TimeSpan Reserve()
        {
            lock (gate)
            {
                var now = time.GetUtcNow();
                if (rate == null)
                    return TimeSpan.Zero;
                if (now - lastThrottle > Forget)
                {
                    rate = null;
                    return TimeSpan.Zero;
                }
                var slot = nextSlot > now ? nextSlot : now;
                nextSlot = slot + TimeSpan.FromSeconds(1 / rate.Value);
                return slot - now;
            }
        }

        public void OnSuccess()
        {
            lock (gate)
            {
                var now = time.GetUtcNow();
                recentSuccesses.Enqueue(now);
                while (recentSuccesses.Count > 0 && now - recentSuccesses.Peek() > TimeSpan.FromSeconds(1))
                    recentSuccesses.Dequeue();
                if (rate != null)
                    rate += IncreasePerSecond / rate.Value;
            }
        }

        public void OnThrottled()
        {
            lock (gate)
            {
                var now = time.GetUtcNow();
                // First throttle: start from what the service granted over the last second.
                rate = Math.Max(MinimumRate, rate == null ? recentSuccesses.Count * 0.9 : rate.Value * 0.8);
                lastThrottle = now;
                var pause = now + TimeSpan.FromSeconds(1 / rate.Value);
                if (pause > nextSlot)
                    nextSlot = pause;
            }
        }
    }
}
