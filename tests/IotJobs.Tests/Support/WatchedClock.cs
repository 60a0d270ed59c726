using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace IotJobs.Tests.Support;

/// <summary>
/// A FakeTimeProvider that shows the timers waiting on it, so a test can move the clock to exactly when the code
/// under test means to wake, and read when that is. Nothing waits in real time but the brief looks for a timer.
/// </summary>
public sealed class WatchedClock : FakeTimeProvider
{
    public static readonly DateTimeOffset Epoch = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>How long a test looks, in real time, for something it expects to happen at once.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly object gate = new();

    /// <summary>
    /// Held while a timer is made and while the clock moves: a timer shown as due must already wait on the clock
    /// underneath, or a move between the two would leave it due at a time the clock has passed, never to fire.
    /// </summary>
    private readonly object moving = new();

    private readonly List<WatchedTimer> timers = [];

    public WatchedClock()
        : base(Epoch) { }

    /// <summary>The clock's time since <see cref="Epoch"/>.</summary>
    public TimeSpan Elapsed => GetUtcNow() - Epoch;

    /// <summary>Since <see cref="Epoch"/>, when the earliest timer waiting is due; null when none waits.</summary>
    public TimeSpan? NextDue
    {
        get
        {
            lock (gate)
            {
                var waiting = timers.Where(t => t.DueAt != null).Select(t => t.DueAt!.Value).ToList();
                return waiting.Count == 0 ? null : waiting.Min() - Epoch;
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var watched = new WatchedTimer(this);
        lock (moving)
        {
            lock (gate)
                timers.Add(watched);
            // Set before it exists: a timer due at once may fire inside CreateTimer.
            watched.Set(dueTime, period);
            watched.Inner = base.CreateTimer(
                s =>
                {
                    watched.Fired();
                    callback(s);
                },
                state,
                dueTime,
                period
            );
        }
        return watched;
    }

    /// <summary>Moves the clock to <paramref name="at"/> (since <see cref="Epoch"/>), firing what is due.</summary>
    public void AdvanceTo(TimeSpan at)
    {
        lock (moving)
        {
            var by = at - Elapsed;
            if (by < TimeSpan.Zero)
                throw new InvalidOperationException($"The clock is at {Elapsed}, past {at}.");
            Advance(by);
        }
    }

    /// <summary>
    /// Waits (briefly, in real time) until a timer waits on this clock, moves the clock to when the earliest is
    /// due and returns that time, since <see cref="Epoch"/>.
    /// </summary>
    public async Task<TimeSpan> AdvanceToNextAsync()
    {
        var due = await NextDueAsync();
        AdvanceTo(due > Elapsed ? due : Elapsed);
        return due;
    }

    /// <summary>Waits (briefly, in real time) until a timer waits on this clock; returns when it is due.</summary>
    public async Task<TimeSpan> NextDueAsync()
    {
        TimeSpan? due = null;
        await Eventually.HoldsAsync(() => (due = NextDue) != null, "a timer to wait on the clock");
        return due!.Value;
    }

    /// <summary>
    /// Runs <paramref name="work"/> to its end on this clock: whenever a timer waits, the clock moves to it. For
    /// work that does one thing at a time (one request and its retries, one poller), where a waiting timer means
    /// that nothing else is under way.
    /// </summary>
    public async Task RunAsync(Task work)
    {
        var real = Stopwatch.StartNew();
        while (!work.IsCompleted)
        {
            if (real.Elapsed > Patience)
                throw new TimeoutException(
                    $"The work is not done after {Patience.TotalSeconds:0} s of real time; the clock is at {Elapsed}, "
                        + $"the next timer due at {NextDue?.ToString() ?? "none"}."
                );
            if (NextDue is TimeSpan due && due > Elapsed)
                AdvanceTo(due);
            else
                await Task.Delay(1);
        }
        await work;
    }

    private sealed class WatchedTimer(WatchedClock clock) : ITimer
    {
        private TimeSpan period = Timeout.InfiniteTimeSpan;

        public ITimer? Inner { get; set; }

        /// <summary>When it will fire; null once fired (unless periodic), disposed or stopped.</summary>
        public DateTimeOffset? DueAt { get; private set; }

        public void Fired()
        {
            lock (clock.gate)
                DueAt = period == Timeout.InfiniteTimeSpan ? null : clock.GetUtcNow() + period;
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            Set(dueTime, period);
            return Inner!.Change(dueTime, period);
        }

        public void Dispose()
        {
            lock (clock.gate)
                DueAt = null;
            Inner?.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }

        public void Set(TimeSpan dueTime, TimeSpan period)
        {
            lock (clock.gate)
            {
                this.period = period;
                DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : clock.GetUtcNow() + dueTime;
            }
        }
    }
}
