using System.Diagnostics;
using IotJobs.Completion;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Completion;

/// <summary>The bounded wait and the cache behind every Tab press that asks the service.</summary>
public sealed class NameCacheTests
{
    private static readonly IReadOnlyList<string> Fleet = ["fw-1", "fw-2"];

    private readonly ManualClock clock = new(DateTimeOffset.UnixEpoch);
    private int reads;

    private NameCache Cache(double patienceSeconds = 2, double limitSeconds = 10) =>
        new(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(patienceSeconds), TimeSpan.FromSeconds(limitSeconds), clock);

    private Func<CancellationToken, Task<IReadOnlyList<string>>> Answering(IReadOnlyList<string> names) =>
        _ =>
        {
            Interlocked.Increment(ref reads);
            return Task.FromResult(names);
        };

    [Fact]
    public void Names_read_once_are_kept_for_a_while_then_read_again()
    {
        var cache = Cache();

        Assert.Equal(Fleet, cache.Get("k", Answering(Fleet)));
        Assert.Equal(Fleet, cache.Get("k", Answering(["other"])));
        clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(["other"], cache.Get("k", Answering(["other"])));
        Assert.Equal(2, reads);
    }

    [Fact]
    public void A_failed_read_gives_no_names_and_is_not_kept()
    {
        var cache = Cache();

        Assert.Empty(cache.Get("k", _ => throw new InvalidOperationException("no region")));
        Assert.Empty(cache.Get("k", _ => Task.FromException<IReadOnlyList<string>>(new TimeoutException())));
        Assert.Equal(Fleet, cache.Get("k", Answering(Fleet)));
    }

    [Fact]
    public async Task A_slow_read_keeps_one_press_waiting_no_longer_than_the_patience_and_fills_the_cache_later()
    {
        var cache = Cache(patienceSeconds: 0.5);
        var answer = new TaskCompletionSource<IReadOnlyList<string>>();
        var watch = Stopwatch.StartNew();

        Assert.Empty(cache.Get("k", _ => answer.Task));
        var first = watch.Elapsed;
        watch.Restart();
        Assert.Empty(cache.Get("k", Answering(["a second read"])));
        var second = watch.Elapsed;
        answer.SetResult(Fleet);

        Assert.InRange(first, TimeSpan.FromSeconds(0.4), TimeSpan.FromSeconds(2));
        Assert.True(second < TimeSpan.FromSeconds(0.2), $"The second press waited {second}.");
        await Eventually.HoldsAsync(
            () => cache.Get("k", Answering(["a second read"])).SequenceEqual(Fleet),
            "the slow read's names"
        );
        Assert.Equal(0, reads);
    }

    [Fact]
    public async Task A_read_past_its_limit_is_cancelled_and_the_next_press_reads_again()
    {
        var cache = Cache(patienceSeconds: 0.1, limitSeconds: 0.3);
        var cancelled = new TaskCompletionSource();

        Assert.Empty(cache.Get("k", async ct =>
            {
                using var _ = ct.Register(() => cancelled.SetResult());
                await Task.Delay(Timeout.Infinite, ct);
                return Fleet;
            }));

        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Eventually.HoldsAsync(() => cache.Get("k", Answering(Fleet)).SequenceEqual(Fleet), "a new read");
    }

    [Fact]
    public void Sources_do_not_share_names()
    {
        var cache = Cache();

        Assert.Equal(Fleet, cache.Get("here", Answering(Fleet)));
        Assert.Equal(["elsewhere"], cache.Get("there", Answering(["elsewhere"])));
    }
}
