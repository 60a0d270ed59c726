using System.Diagnostics;

namespace IotJobs.Tests.Support;

/// <summary>
/// Waits, briefly and in real time, for what other threads do at once (a continuation, a poller going to sleep):
/// never for time to pass, which tests on a <see cref="WatchedClock"/> move by hand.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public static async Task HoldsAsync(Func<bool> condition, string what)
    {
        var real = Stopwatch.StartNew();
        while (!condition())
        {
            if (real.Elapsed > Patience)
                throw new TimeoutException($"Waited {Patience.TotalSeconds:0} s for {what}.");
            await Task.Delay(1);
        }
    }
}
