using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using Amazon.Runtime;
using IotJobs.Client;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Timing;

/// <summary>
/// The retry policy's waits, on a fake clock with a seeded jitter: what each kind of failure costs in time and
/// attempts, in milliseconds of real time. Times are seconds since the clock's start.
/// </summary>
public sealed class ResiliencePolicyTimingTests
{
    private static readonly ServiceLocation Location = new("us-east-1", new Uri("https://iot.us-east-1.amazonaws.com"));

    private readonly WatchedClock clock = new();
    private readonly List<(TimeSpan At, int Attempt)> sends = [];
    private readonly List<ResilienceStep> steps = [];

    /// <summary>What the policy told a person watching the batch (the long waits), in order.</summary>
    private List<string> Notices() => steps.Select(s => s.Notice).OfType<string>().ToList();

    private ResiliencePolicy Policy(int seed = 7) =>
        new(new IotJobsClientOptions { Time = clock, Jitter = new Jitter(seed) });

    /// <summary>A send that fails with each of <paramref name="failures"/> in turn, then answers "done".</summary>
    private Func<int, Task<string>> Send(params Exception[] failures)
    {
        int next = 0;
        return attempt =>
        {
            sends.Add((clock.Elapsed, attempt));
            return next < failures.Length ? Task.FromException<string>(failures[next++]) : Task.FromResult("done");
        };
    }

    private Task<string> Run(ResiliencePolicy policy, Operation operation, Func<int, Task<string>> send) =>
        policy.RunAsync(operation, Location, send, null, null, steps.Add, CancellationToken.None);

    private TimeSpan[] Gaps() => sends.Zip(sends.Skip(1), (a, b) => b.At - a.At).ToArray();

    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    [Fact]
    public async Task Throttling_is_waited_out_with_waits_that_double_up_to_five_seconds_and_use_no_attempt()
    {
        var throttled = Enumerable.Range(0, 8).Select(_ => FailedAnswers.Of<ThrottlingException>(400)).ToArray();

        var run = Run(Policy(), Operation.DeleteJob, Send(throttled));
        await clock.RunAsync(run);

        Assert.Equal("done", await run);
        Assert.Equal(9, sends.Count);
        Assert.All(sends, s => Assert.Equal(1, s.Attempt));
        double[] nominal = [0.2, 0.4, 0.8, 1.6, 3.2, 5, 5, 5];
        Assert.Equal(nominal.Length, Gaps().Length);
        foreach (var (gap, wait) in Gaps().Zip(nominal))
            Assert.InRange(gap, S(wait / 2), S(wait)); // jittered: half to all of the wait
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_waits()
    {
        var first = Run(
            Policy(seed: 3),
            Operation.ListJobs,
            Send(FailedAnswers.Of<ThrottlingException>(400), Unavailable())
        );
        await clock.RunAsync(first);
        var firstGaps = Gaps();
        sends.Clear();
        var second = Run(
            Policy(seed: 3),
            Operation.ListJobs,
            Send(FailedAnswers.Of<ThrottlingException>(400), Unavailable())
        );
        await clock.RunAsync(second);

        Assert.Equal(firstGaps, Gaps());
    }

    [Fact]
    public async Task A_transient_failure_gets_three_attempts_with_a_doubling_wait_then_fails_with_the_last_error()
    {
        var last = Unavailable();

        var run = Run(Policy(), Operation.DescribeJob, Send(Unavailable(), Unavailable(), last));
        await clock.RunAsync(run.ContinueWith(_ => { }));

        Assert.Same(last, await Assert.ThrowsAsync<ServiceUnavailableException>(() => run));
        Assert.Equal([1, 2, 3], sends.Select(s => s.Attempt));
        Assert.InRange(Gaps()[0], S(0.1), S(0.2));
        Assert.InRange(Gaps()[1], S(0.2), S(0.4));
    }

    [Fact]
    public async Task CancelJob_at_the_concurrency_limit_waits_1_2_4_up_to_30_s_for_15_minutes_then_fails()
    {
        var limited = Enumerable.Range(0, 100).Select(_ => FailedAnswers.Of<LimitExceededException>(410)).ToArray();

        var run = Run(Policy(), Operation.CancelJob, Send(limited));
        await clock.RunAsync(run.ContinueWith(_ => { }));

        await Assert.ThrowsAsync<LimitExceededException>(() => run);
        // Sent at 0, 1, 3, 7, 15, 31, then every 30 s; the try at 901 s is past the 15 minutes' patience.
        Assert.Equal([S(0), S(1), S(3), S(7), S(15), S(31), S(61)], sends.Take(7).Select(s => s.At));
        Assert.Equal(S(901), sends[^1].At);
        Assert.Equal(35, sends.Count);
        var notices = Notices();
        Assert.Equal(34, notices.Count);
        Assert.Equal(
            "The account's limit of jobs being canceled at once is reached: CancelJob waits 1 s before trying again.",
            notices[0]
        );
        Assert.EndsWith("CancelJob waits 30 s before trying again.", notices[^1]);
    }

    [Fact]
    public async Task A_deletion_at_the_limit_is_not_waited_for_here_but_left_to_the_scheduler()
    {
        var run = Run(Policy(), Operation.DeleteJob, Send(FailedAnswers.Of<LimitExceededException>(410)));

        await Assert.ThrowsAsync<LimitExceededException>(() => run);
        Assert.Single(sends);
        Assert.Null(clock.NextDue);
    }

    [Fact]
    public async Task Nothing_answering_ends_the_call_at_the_first_attempt_without_a_wait()
    {
        var refused = new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused));

        var run = Run(Policy(), Operation.ListJobs, Send(refused));

        var e = await Assert.ThrowsAsync<ServiceUnreachableException>(() => run);
        Assert.Equal(FailureKind.Unreachable, e.Kind);
        Assert.Single(sends);
        Assert.Equal(TimeSpan.Zero, clock.Elapsed);
    }

    [Fact]
    public async Task A_change_whose_answer_was_lost_is_looked_up_and_not_sent_again_when_it_was_applied()
    {
        int lookups = 0;
        var run = Policy()
            .RunAsync(
                Operation.CancelJob,
                Location,
                Send(new HttpRequestException("connection reset")),
                () =>
                {
                    lookups++;
                    return Task.FromResult(true);
                },
                () => "applied",
                null,
                CancellationToken.None
            );

        Assert.Equal("applied", await run);
        Assert.Single(sends);
        Assert.Equal(1, lookups);
    }

    [Fact]
    public async Task A_change_whose_answer_was_lost_and_cannot_be_looked_up_is_reported_as_lost()
    {
        var run = Policy()
            .RunAsync(
                Operation.DeleteJob,
                Location,
                Send(new HttpRequestException("connection reset")),
                () => Task.FromException<bool>(new HttpRequestException("connection reset again")),
                () => "applied",
                null,
                CancellationToken.None
            );

        var e = await Assert.ThrowsAsync<AnswerLostException>(() => run);
        Assert.StartsWith("The answer to DeleteJob was lost", e.Message);
        Assert.Single(sends);
    }

    [Fact]
    public async Task Cancelling_ends_a_wait_at_once()
    {
        using var cancel = new CancellationTokenSource();
        var run = Policy()
            .RunAsync(
                Operation.ListJobs,
                Location,
                Send(FailedAnswers.Of<ThrottlingException>(400)),
                null,
                null,
                null,
                cancel.Token
            );
        await clock.NextDueAsync();

        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Single(sends);
    }

    [Fact]
    public async Task Every_decision_is_told_with_its_attempt_and_the_wait_it_then_takes()
    {
        var run = Run(
            Policy(),
            Operation.DeleteJob,
            Send(FailedAnswers.Of<ThrottlingException>(400), Unavailable(), Unavailable())
        );
        await clock.RunAsync(run);

        Assert.Equal(
            [
                (ResilienceStepKind.ThrottleWait, 1, "ThrottlingException"),
                (ResilienceStepKind.Retry, 1, "ServiceUnavailableException"),
                (ResilienceStepKind.Retry, 2, "ServiceUnavailableException"),
            ],
            steps.Select(s => (s.Kind, s.Attempt, s.Failure))
        );
        // The wait told is the wait taken: the gap to the next send (timers count whole milliseconds).
        Assert.All(Gaps().Zip(steps, (gap, step) => gap - step.Wait), d =>
            Assert.InRange(d.Duration(), TimeSpan.Zero, TimeSpan.FromMilliseconds(1))
        );
        Assert.Matches(
            @"^DeleteJob attempt 1: throttled \(ThrottlingException\); sent again in \d+ ms \(throttled tries use no "
                + @"attempt\)\.$",
            steps[0].ToString()
        );
        Assert.Matches(
            @"^DeleteJob attempt 2 of 3 failed \(ServiceUnavailableException\); attempt 3 in \d+ ms\.$",
            steps[2].ToString()
        );
        Assert.Empty(Notices()); // short waits are for -Debug only
    }

    [Fact]
    public async Task The_last_attempt_and_a_look_after_a_lost_answer_are_told()
    {
        var run = Policy()
            .RunAsync(
                Operation.CancelJob,
                Location,
                Send(new HttpRequestException("reset", new IOException("gone")), Unavailable(), Unavailable()),
                () => Task.FromResult(false),
                () => "applied",
                steps.Add,
                CancellationToken.None
            );
        await clock.RunAsync(run.ContinueWith(_ => { }));

        await Assert.ThrowsAsync<ServiceUnavailableException>(() => run);
        Assert.Equal(
            [
                ResilienceStepKind.AnswerLost,
                ResilienceStepKind.LookFoundNotApplied,
                ResilienceStepKind.Retry,
                ResilienceStepKind.Retry,
                ResilienceStepKind.NoAttemptLeft,
            ],
            steps.Select(s => s.Kind)
        );
        Assert.Equal(
            "CancelJob attempt 1: the answer was lost (HttpRequestException/IOException); looking at the item before "
                + "sending anything again.",
            steps[0].ToString()
        );
        Assert.Equal(
            "CancelJob attempt 3 of 3 failed (ServiceUnavailableException); no attempt left, so the request fails.",
            steps[^1].ToString()
        );
    }

    [Fact]
    public async Task A_look_that_finds_the_change_applied_or_fails_is_told()
    {
        var found = Policy()
            .RunAsync(
                Operation.DeleteJob,
                Location,
                Send(new HttpRequestException("reset")),
                () => Task.FromResult(true),
                () => "applied",
                steps.Add,
                CancellationToken.None
            );
        Assert.Equal("applied", await found);
        var lost = Policy()
            .RunAsync(
                Operation.DeleteJob,
                Location,
                Send(new HttpRequestException("reset")),
                () => Task.FromException<bool>(new HttpRequestException("reset again")),
                () => "applied",
                steps.Add,
                CancellationToken.None
            );
        await Assert.ThrowsAsync<AnswerLostException>(() => lost);

        Assert.Equal(
            [
                ResilienceStepKind.AnswerLost,
                ResilienceStepKind.LookFoundApplied,
                ResilienceStepKind.AnswerLost,
                ResilienceStepKind.LookFailed,
            ],
            steps.Select(s => s.Kind)
        );
        Assert.EndsWith("the look shows the change applied; it counts as done and is not sent again.", $"{steps[1]}");
        Assert.EndsWith(
            "the look failed too (HttpRequestException); whether the change was applied is unknown.",
            $"{steps[3]}"
        );
    }

    [Fact]
    public void Jitter_takes_from_half_to_all_of_a_wait_and_repeats_with_its_seed()
    {
        var a = new Jitter(11);
        var b = new Jitter(11);
        for (int i = 0; i < 100; i++)
        {
            var wait = a.Apply(S(2));
            Assert.InRange(wait, S(1), S(2));
            Assert.Equal(wait, b.Apply(S(2)));
        }
    }

    private static ServiceUnavailableException Unavailable() => FailedAnswers.Of<ServiceUnavailableException>(503);
}
