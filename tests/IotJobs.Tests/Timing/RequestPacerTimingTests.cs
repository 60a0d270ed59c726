using IotJobs.Client;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Timing;

/// <summary>The request pacer and its registry, on a fake clock. Times are seconds since the clock's start.</summary>
public sealed class RequestPacerTimingTests
{
    private readonly WatchedClock clock = new();

    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    /// <summary>Ten answers in the last second (0.1 s apart), then a throttle: the clock is then at 1 s.</summary>
    private RequestPacer ThrottledAfterTenAnswers()
    {
        var pacer = new RequestPacer(clock);
        for (int i = 0; i < 10; i++)
        {
            clock.AdvanceTo(S(i / 10.0));
            pacer.OnSuccess();
        }
        clock.AdvanceTo(S(1));
        pacer.OnThrottled();
        return pacer;
    }

    [Fact]
    public void Requests_are_not_paced_before_the_service_throttles()
    {
        var pacer = new RequestPacer(clock);
        for (int i = 0; i < 100; i++)
        {
            Assert.True(pacer.WaitAsync(CancellationToken.None).IsCompletedSuccessfully);
            pacer.OnSuccess();
        }
    }

    [Fact]
    public async Task After_a_throttle_requests_go_out_at_nine_tenths_of_the_rate_the_service_granted()
    {
        var pacer = ThrottledAfterTenAnswers();

        // Ten answers in the last second: 9 requests a second from now on, the first one a ninth of a second on.
        var turns = Enumerable.Range(0, 3).Select(_ => pacer.WaitAsync(CancellationToken.None)).ToList();
        for (int i = 1; i <= 3; i++)
        {
            clock.AdvanceTo(S(1 + i / 9.0) - TimeSpan.FromMilliseconds(2));
            Assert.False(turns[i - 1].IsCompleted, $"turn {i} came early");
            clock.AdvanceTo(S(1 + i / 9.0));
            await turns[i - 1];
        }
    }

    [Fact]
    public void Each_throttle_cuts_the_rate_by_a_fifth_and_answers_raise_it()
    {
        var pacer = ThrottledAfterTenAnswers();
        pacer.OnThrottled(); // 9 * 0.8 = 7.2 a second
        var turns = new List<Task> { pacer.WaitAsync(CancellationToken.None) };
        pacer.OnSuccess(); // + 0.5 / 7.2 a second
        turns.Add(pacer.WaitAsync(CancellationToken.None));
        turns.Add(pacer.WaitAsync(CancellationToken.None));

        var due = new List<TimeSpan> { S(1) };
        foreach (var turn in turns)
        {
            due.Add(clock.NextDue!.Value);
            clock.AdvanceTo(due[^1]);
            Assert.True(turn.IsCompletedSuccessfully);
        }

        // Turns 1/7.2 s apart; the one after the answer, 1/(7.2 + 0.5/7.2) s. Timers count whole milliseconds.
        var ms = TimeSpan.FromMilliseconds(1);
        Assert.InRange(due[1] - due[0], S(1 / 7.2) - ms, S(1 / 7.2) + ms);
        Assert.InRange(due[2] - due[1], S(1 / 7.2) - ms, S(1 / 7.2) + ms);
        Assert.InRange(due[3] - due[2], S(1 / (7.2 + 0.5 / 7.2)) - ms, S(1 / (7.2 + 0.5 / 7.2)) + ms);
    }

    [Fact]
    public void A_quiet_half_minute_lifts_the_pacing()
    {
        var pacer = ThrottledAfterTenAnswers();
        Assert.False(pacer.WaitAsync(CancellationToken.None).IsCompleted);

        clock.AdvanceTo(S(31.5));

        Assert.True(pacer.WaitAsync(CancellationToken.None).IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Cancelling_ends_a_wait_for_a_turn()
    {
        var pacer = ThrottledAfterTenAnswers();
        using var cancel = new CancellationTokenSource();
        var turn = pacer.WaitAsync(cancel.Token);

        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => turn);
    }

    [Fact]
    public void One_pacer_per_place_credentials_and_API_shared_through_the_registry()
    {
        var pacers = new RequestPacers(clock);
        var eu = new Uri("https://iot.eu-west-1.amazonaws.com/jobs?status=CANCELED");

        var one = pacers.For(eu, "eu-west-1", "AKIAONE", "ListJobs");

        Assert.Same(
            one,
            pacers.For(new Uri("https://IOT.eu-west-1.amazonaws.com/jobs"), "eu-west-1", "AKIAONE", "ListJobs")
        );
        // Another API, other credentials (another account), another region or endpoint: a rate of its own.
        Assert.NotSame(one, pacers.For(eu, "eu-west-1", "AKIAONE", "DeleteJob"));
        Assert.NotSame(one, pacers.For(eu, "eu-west-1", "AKIATWO", "ListJobs"));
        Assert.NotSame(
            one,
            pacers.For(new Uri("https://iot.us-east-1.amazonaws.com/jobs"), "us-east-1", "AKIAONE", "ListJobs")
        );
        Assert.NotSame(
            one,
            pacers.For(new Uri("https://iot.eu-west-1.amazonaws.com:8443/jobs"), "eu-west-1", "AKIAONE", "ListJobs")
        );
        Assert.NotSame(one, new RequestPacers(clock).For(eu, "eu-west-1", "AKIAONE", "ListJobs"));
        Assert.Equal(
            "http://127.0.0.1:5055|us-east-1|AKIAONE|DeleteJob",
            RequestPacers.KeyOf(new Uri("http://127.0.0.1:5055/jobs/j"), "us-east-1", "AKIAONE", "DeleteJob")
        );
    }

    [Fact]
    public void Options_share_the_process_registry_on_the_system_clock_and_keep_their_own_on_another()
    {
        Assert.Same(RequestPacers.Shared, new IotJobsClientOptions().Pacers);
        Assert.Same(RequestPacers.Shared, new IotJobsClientConfig().Options.Pacers);
        var faked = new IotJobsClientOptions { Time = clock };
        Assert.NotSame(RequestPacers.Shared, faked.Pacers);
        Assert.Same(faked.Pacers, faked.Pacers);
    }
}
