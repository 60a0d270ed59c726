using System.Net;
using Amazon.Runtime;
using IotJobs.Client;
using IotJobs.Client.Model;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Timing;

/// <summary>
/// When the deletion scheduler polls, and who gets a place, on a fake clock against an in-memory service: each test
/// runs minutes of the scheduler's time in milliseconds. Times are seconds since the clock's start.
/// </summary>
public sealed class DeletionSchedulerTimingTests
{
    private readonly WatchedClock clock = new();
    private readonly List<string> notes = [];

    private DeletionScheduler Scheduler(DeletionService service, TimeSpan? firstGuess = null)
    {
        var options = new IotJobsClientOptions { Time = clock };
        if (firstGuess != null)
            options.DeletionFirstGuess = firstGuess.Value;
        return new DeletionScheduler(service, options, CancellationToken.None, note =>
        {
            lock (notes)
                notes.Add(note);
        });
    }

    private static Task Delete(DeletionScheduler scheduler, string jobId) =>
        scheduler.DeleteAsync(new DeleteJobRequest { JobId = jobId }, CancellationToken.None);

    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    /// <summary>Ten deletions, 0.1 s apart from the clock's start; the clock is then at 0.9 s.</summary>
    private async Task FillThePlacesAsync(DeletionScheduler scheduler)
    {
        for (int i = 0; i < 10; i++)
        {
            clock.AdvanceTo(S(i / 10.0));
            await Delete(scheduler, $"j{i}");
        }
    }

    [Fact]
    public async Task Nothing_polls_until_someone_waits_then_looks_at_the_first_guess_and_later_by_a_ratio()
    {
        var service = new DeletionService(clock, S(10));
        var scheduler = Scheduler(service);
        await Delete(scheduler, "a");
        clock.AdvanceTo(S(1));
        Assert.Empty(service.PollTimes);

        await clock.RunAsync(scheduler.WhenAllGoneAsync());

        // The first look when the first guess (2 s) says it is done; while it is still there, each look 1.6 times
        // the longest age seen in progress, until one finds it gone (13.1072 s, on the timer's whole milliseconds).
        Assert.Equal([S(2), S(3.2), S(5.12), S(8.192), S(13.108)], service.PollTimes);
        Assert.Equal(0, scheduler.InProgress);
    }

    [Fact]
    public async Task Once_a_deletion_is_seen_gone_each_look_narrows_the_bounds_of_how_long_deletions_take()
    {
        var service = new DeletionService(clock, S(10));
        var scheduler = Scheduler(service);
        foreach (var (job, at) in new[] { ("a", 0), ("b", 6), ("c", 12), ("d", 18) })
        {
            clock.AdvanceTo(S(at));
            await Delete(scheduler, job);
        }

        await clock.RunAsync(scheduler.WhenAllGoneAsync());

        // 18: the first guess is long past: look at once. a (18 s old) and b (12) are gone, c (6) is not: between
        // 6 and 12 s. 22.5: c at 6 + 3/4 of the way to 12 = 10.5, gone: between 6 and 10.5. 27.375: d at 9.375,
        // still there: between 9.375 and 10.5. 28.219: d at 10.21875 (on the timer's whole milliseconds), gone.
        // (Deletions last 10 s.)
        Assert.Equal([S(18), S(22.5), S(27.375), S(28.219)], service.PollTimes);
        Assert.Equal(0, scheduler.InProgress);
    }

    [Fact]
    public async Task A_poll_for_a_place_waits_for_a_group_of_five_deletions_ending_together()
    {
        var service = new DeletionService(clock, S(10)) { PageSize = 2 };
        var scheduler = Scheduler(service, firstGuess: S(10));
        await FillThePlacesAsync(scheduler);
        var first = Delete(scheduler, "w1");
        Assert.Contains(
            "Job 'w1' waits for one of the service's 10 deletion places: 10 deletions started here are in progress.",
            notes
        );

        // While the time is unknown, the poll is for the oldest (j0, due at 10 s by the first guess): it finds j0
        // gone and j1 (9.9 s old) not, so deletions take 10 s to within a tenth.
        await clock.RunAsync(first);
        Assert.Equal([S(10)], service.PollTimes);
        Assert.Equal(("w1", S(10)), service.Accepted.Last());

        var second = Delete(scheduler, "w2");
        await clock.RunAsync(second);

        // j1..j9 end 0.1 s apart, within a tenth of 10 s of each other: the poll waits until five of them are due
        // (j5, at 10.5 s) rather than polling for j1 alone; it reads every page of the listing (j6..j9, w1).
        Assert.Equal([S(10), S(10.5)], service.PollTimes);
        Assert.Equal(3, service.Calls.Count(c => c.Operation == "ListJobs" && c.At == S(10.5)));
        Assert.Equal(("w2", S(10.5)), service.Accepted.Last());
        Assert.Equal(6, scheduler.InProgress); // j6..j9, w1, w2
    }

    [Fact]
    public async Task Wait_alone_waits_for_all_the_deletions_that_end_together()
    {
        var service = new DeletionService(clock, S(10));
        var scheduler = Scheduler(service, firstGuess: S(10));
        await FillThePlacesAsync(scheduler);
        await clock.RunAsync(Delete(scheduler, "w1")); // learns from its poll at 10 s that deletions take 10 s

        await clock.RunAsync(scheduler.WhenAllGoneAsync());

        // With no deletion waiting for a place, one poll for all of j1..j9 (due at 10.9 s) and one for w1 (20 s).
        Assert.Equal([S(10), S(10.9), S(20)], service.PollTimes);
        Assert.Equal(0, scheduler.InProgress);
    }

    [Fact]
    public async Task Places_freed_by_a_poll_go_to_the_deletions_waiting_longest()
    {
        var service = new DeletionService(clock, S(10));
        var scheduler = Scheduler(service, firstGuess: S(10));
        await FillThePlacesAsync(scheduler);
        var a = Delete(scheduler, "a");
        var b = Delete(scheduler, "b");
        var c = Delete(scheduler, "c");

        Assert.Equal(S(10), await clock.AdvanceToNextAsync()); // j0 gone: one place
        await a;
        Assert.False(b.IsCompleted || c.IsCompleted);
        Assert.Equal([("a", S(10))], service.Accepted.Where(d => d.JobId.Length == 1));

        Assert.Equal(S(10.5), await clock.AdvanceToNextAsync()); // j1..j5 gone: five places
        await Task.WhenAll(b, c);
        Assert.Equal(["b", "c"], service.Accepted.Where(d => d.At == S(10.5)).Select(d => d.JobId).Order());
    }

    [Fact]
    public async Task Deletions_started_elsewhere_holding_the_places_make_it_wait_with_growing_polls()
    {
        var service = new DeletionService(clock, S(10));
        service.StartedElsewhere(10, lasting: S(60));
        var scheduler = Scheduler(service);

        await clock.RunAsync(Delete(scheduler, "mine"));

        // Refused at 0 s; a poll then, and again after 2, 4, 8, 16 and (at most) 30 s until fewer than ten remain.
        Assert.Equal([S(0), S(2), S(6), S(14), S(30), S(60)], service.PollTimes);
        Assert.Equal(
            [(S(0), true), (S(60), false)],
            service.Calls.Where(c => c.JobId == "mine").Select(c => (c.At, c.Failed))
        );
        Assert.Equal(
            [
                "The service's 10 deletion places are taken by deletions started elsewhere: job 'mine' waits for one.",
                "A deletion place is free: deleting job 'mine'.",
            ],
            notes
        );
    }

    [Fact]
    public async Task A_poll_that_fails_frees_no_place_and_the_next_poll_goes_out_after_the_gap()
    {
        var service = new DeletionService(clock, S(10));
        var scheduler = Scheduler(service, firstGuess: S(10));
        await FillThePlacesAsync(scheduler);
        service.ListingFailures.Enqueue(Unavailable());
        var waiting = Delete(scheduler, "w");

        Assert.Equal(S(10), await clock.AdvanceToNextAsync());
        Assert.Equal(S(10.1), await clock.NextDueAsync()); // the failed poll learned nothing; the next 0.1 s later
        Assert.False(waiting.IsCompleted);

        await clock.RunAsync(waiting);
        Assert.Equal([S(10), S(10.1)], service.PollTimes);
        Assert.Equal(("w", S(10.1)), service.Accepted.Last());
    }

    [Fact]
    public async Task A_poll_failure_that_ends_the_command_fails_every_waiter_instead_of_leaving_it_waiting()
    {
        var service = new DeletionService(clock, S(10));
        var scheduler = Scheduler(service, firstGuess: S(10));
        await FillThePlacesAsync(scheduler);
        var rejected = new AuthenticationFailedException(
            "The security token included in the request is expired",
            null,
            ErrorType.Sender,
            "ExpiredTokenException",
            "fake",
            HttpStatusCode.Forbidden
        );
        service.ListingFailures.Enqueue(rejected);
        var waiting = Delete(scheduler, "w");
        var allGone = scheduler.WhenAllGoneAsync();

        Assert.Equal(S(10), await clock.AdvanceToNextAsync());

        Assert.Same(rejected, await Assert.ThrowsAsync<AuthenticationFailedException>(() => waiting));
        Assert.Same(rejected, await Assert.ThrowsAsync<AuthenticationFailedException>(() => allGone));
        Assert.DoesNotContain(service.Accepted, d => d.JobId == "w");
    }

    private static ServiceUnavailableException Unavailable() =>
        new(
            "Service unavailable.",
            null,
            ErrorType.Receiver,
            "ServiceUnavailableException",
            "fake",
            HttpStatusCode.ServiceUnavailable
        );
}
