using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotJobs.Client.Model;

namespace IotJobs.Client
{
    /// <summary>
    /// Deletes jobs within the service's limit of 10 jobs in DELETION_IN_PROGRESS at once, per account and
    /// region. It keeps at most 10 of its own deletions in progress; a deletion met by LimitExceededException
    /// (the places are held by deletions started elsewhere) waits for a place instead of failing. It learns
    /// which deletions are gone by listing the jobs in DELETION_IN_PROGRESS, one request however many it
    /// watches, and only while something waits: a deletion for a place, or a caller for all of them to be
    /// gone (-Wait). Polls are timed by how long deletions have been taking (<see cref="DeletionDuration"/>),
    /// each meant to find several done, so they cost a fraction of a request per deletion and spare the
    /// account's ListJobs rate for everyone else. Its clock and timings are the options'.
    /// </summary>
    internal sealed class DeletionScheduler
    {
        public const int ServiceLimit = 10;

        private readonly IIotJobsClient client;
        private readonly IotJobsClientOptions options;
        private readonly TimeProvider time;
        private readonly CancellationToken cancellation;
        private readonly Action<string> note;
        private readonly object gate = new object();

        // When each deletion started: halfway through its DeleteJob's round trip, as near as the module can tell.
        private readonly Dictionary<string, DateTimeOffset> deleting = new Dictionary<string, DateTimeOffset>(
            StringComparer.Ordinal
        );
        private readonly Queue<TaskCompletionSource<bool>> waitingForPlace = new Queue<TaskCompletionSource<bool>>();
        private readonly DeletionDuration duration;
        private TaskCompletionSource<bool> changed = NewSignal();
        private TaskCompletionSource<bool>? allGone;
        private int sending;
        private bool othersHoldPlaces;
        private TimeSpan othersWait;
        private DateTimeOffset lastPoll = DateTimeOffset.MinValue;
        private TimeSpan lastRoundTrip = TimeSpan.Zero;
        private bool polling;

        /// <param name="options">The clock and the timings of the polls.</param>
        /// <param name="note">Told, from any thread, when a deletion waits and why, in words for a person.</param>
        public DeletionScheduler(
            IIotJobsClient client,
            IotJobsClientOptions options,
            CancellationToken cancellation,
            Action<string> note
        )
        {
            this.client = client ?? throw new ArgumentNullException(nameof(client));
            this.options = options ?? throw new ArgumentNullException(nameof(options));
            this.cancellation = cancellation;
            this.note = note ?? throw new ArgumentNullException(nameof(note));
            time = options.Time;
            duration = new DeletionDuration(options.DeletionFirstGuess);
            othersWait = options.OthersDeletingWait;
        }

        /// <summary>Deletions started here that are not known to be gone.</summary>
        public int InProgress
        {
            get
            {
                lock (gate)
                    return deleting.Count;
            }
        }

        /// <summary>Deletions waiting here for one of the service's places (cancelled ones aside).</summary>
        public int WaitingForPlace
        {
            get
            {
                lock (gate)
                    return waitingForPlace.Count(place => !place.Task.IsCompleted);
            }
        }

        /// <summary>Sends the deletion once one of the places is free; returns once the service accepted it.</summary>
        /// <param name="leaving">Told each time the deletion leaves for the service, once it has a place.</param>
        /// <param name="waiting">
        /// Told when the deletion starts to wait for a place, from the thread it asked on.
        /// </param>
        public async Task DeleteAsync(
            DeleteJobRequest request,
            CancellationToken cancellationToken,
            Action? leaving = null,
            Action? waiting = null
        )
        {
            string subject = $"job '{request.JobId}'";
            while (true)
            {
                await TakePlaceAsync(subject, waiting, cancellationToken).ConfigureAwait(false);
                leaving?.Invoke();
                var sent = time.GetUtcNow();
                try
                {
                    await client.DeleteJobAsync(request, cancellationToken).ConfigureAwait(false);
                }
                catch (LimitExceededException)
                {
                    lock (gate)
                    {
                        sending--;
                        othersHoldPlaces = true;
                    }
                    note(
                        $"The service's {ServiceLimit} deletion places are taken by deletions started elsewhere: "
                            + $"{subject} waits for one."
                    );
                    continue;
                }
                catch
                {
                    lock (gate)
                    {
                        sending--;
                        HandOutPlaces();
                    }
                    throw;
                }
                lock (gate)
                {
                    sending--;
                    deleting[request.JobId!] = Halfway(sent, time.GetUtcNow());
                }
                return;
            }
        }

        /// <summary>Completes when every deletion started here is gone.</summary>
        public Task WhenAllGoneAsync()
        {
            lock (gate)
            {
                if (deleting.Count == 0 && sending == 0)
                    return Task.CompletedTask;
                allGone ??= new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                Wake();
                return allGone.Task;
            }
        }

        private async Task TakePlaceAsync(string subject, Action? waiting, CancellationToken cancellationToken)
        {
            TaskCompletionSource<bool> place;
            lock (gate)
            {
                if (!othersHoldPlaces && deleting.Count + sending < ServiceLimit)
                {
                    sending++;
                    return;
                }
                place = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                waitingForPlace.Enqueue(place);
                if (!othersHoldPlaces)
                    note(
                        $"{char.ToUpperInvariant(subject[0])}{subject.Substring(1)} waits for one of the service's "
                            + $"{ServiceLimit} deletion places: {deleting.Count} deletions started here are "
                            + "in progress."
                    );
                Wake();
            }
            // Said outside the lock: whoever listens may start other work at once.
            waiting?.Invoke();
            using (cancellationToken.Register(() => place.TrySetCanceled()))
                await place.Task.ConfigureAwait(false);
            note($"A deletion place is free: deleting {subject}.");
        }

        /// <summary>Gives free places to the deletions waiting for one, oldest first. Under the lock.</summary>
        private void HandOutPlaces()
        {
            while (waitingForPlace.Count > 0 && !othersHoldPlaces && deleting.Count + sending < ServiceLimit)
            {
                var place = waitingForPlace.Dequeue();
                if (place.Task.IsCompleted)
                    continue; // cancelled
                sending++;
                place.SetResult(true);
            }
        }

        /// <summary>
        /// Starts the poller if it is not running; tells a sleeping one to look again. Under the lock.
        /// </summary>
        private void Wake()
        {
            changed.TrySetResult(true);
            if (polling)
                return;
            polling = true;
            _ = Task.Run(PollAsync);
        }

        private bool SomethingWaits => waitingForPlace.Count > 0 || (allGone != null && deleting.Count + sending > 0);

        private async Task PollAsync()
        {
            try
            {
                await PollWhileSomethingWaitsAsync().ConfigureAwait(false);
            }
            catch (Exception e)
            {
                // Nothing more can be learned (the endpoint is gone, or the command stopped): nobody may wait forever.
                lock (gate)
                {
                    polling = false;
                    while (waitingForPlace.Count > 0)
                        waitingForPlace.Dequeue().TrySetException(e);
                    allGone?.TrySetException(e);
                }
            }
        }

        private async Task PollWhileSomethingWaitsAsync()
        {
            while (true)
            {
                cancellation.ThrowIfCancellationRequested();
                DateTimeOffset next;
                Task wake;
                lock (gate)
                {
                    if (!SomethingWaits)
                    {
                        if (allGone != null && deleting.Count + sending == 0)
                            allGone.TrySetResult(true);
                        polling = false;
                        return;
                    }
                    next = NextPoll();
                    if (changed.Task.IsCompleted)
                        changed = NewSignal();
                    wake = changed.Task;
                }
                var wait = next - time.GetUtcNow();
                if (wait > TimeSpan.Zero)
                {
                    // New deletions or waiters can move the next poll: wake up and look again. Woken, the sleep's
                    // timer is stopped rather than left to fire for nobody. Timers count whole milliseconds: a sleep
                    // cut down to one would end just before the poll is due, and spin until it is.
                    var sleepFor = TimeSpan.FromMilliseconds(Math.Ceiling(wait.TotalMilliseconds));
                    using (var sleep = CancellationTokenSource.CreateLinkedTokenSource(cancellation))
                    {
                        await Task.WhenAny(time.Delay(sleepFor, sleep.Token), wake).ConfigureAwait(false);
                        sleep.Cancel();
                    }
                    if (time.GetUtcNow() < next)
                        continue;
                }
                await PollOnceAsync().ConfigureAwait(false);
            }
        }

        /// <summary>When the next poll should be. Under the lock.</summary>
        private DateTimeOffset NextPoll()
        {
            var earliest = lastPoll + (othersHoldPlaces ? othersWait : options.DeletionPollGap);
            if (othersHoldPlaces || deleting.Count == 0)
                return earliest;
            int group =
                !duration.Known ? 1
                : waitingForPlace.Count > 0 ? options.DeletionPollGroup
                : deleting.Count;
            var due = DeletionPollTiming.Due(deleting.Values, duration.Expected, group, lastRoundTrip);
            return due > earliest ? due : earliest;
        }

        private async Task PollOnceAsync()
        {
            var askedAt = time.GetUtcNow();
            HashSet<string> stillDeleting;
            try
            {
                stillDeleting = await DeletingJobs.ListAsync(client, cancellation).ConfigureAwait(false);
            }
            catch (Exception e) when (!(e is OperationCanceledException) && !ServiceFailure.EndsTheCommand(e))
            {
                lock (gate)
                    lastPoll = time.GetUtcNow();
                return; // a failed poll learns nothing; the next one will
            }
            var answeredAt = time.GetUtcNow();
            // The service looked halfway through the listing's round trip, as a deletion started halfway through its
            // DeleteJob's: ages measured so are off by half a round trip at most, either way.
            var lookedAt = Halfway(askedAt, answeredAt);
            lock (gate)
            {
                lastPoll = answeredAt;
                lastRoundTrip = answeredAt - askedAt;
                // Only a listing asked for after a deletion was accepted can show it is gone.
                foreach (var deletion in deleting.Where(d => d.Value < askedAt).ToList())
                {
                    if (stillDeleting.Contains(deletion.Key))
                    {
                        duration.SeenDeleting(lookedAt - deletion.Value);
                        continue;
                    }
                    duration.SeenGone(lookedAt - deletion.Value);
                    deleting.Remove(deletion.Key);
                }
                if (othersHoldPlaces)
                {
                    // The listing shows the account's deletions, ours and others': a place is free when fewer than 10.
                    othersHoldPlaces = stillDeleting.Count + sending >= ServiceLimit;
                    othersWait = othersHoldPlaces
                        ? TimeSpan.FromTicks(Math.Min(othersWait.Ticks * 2, options.OthersDeletingWaitMax.Ticks))
                        : options.OthersDeletingWait;
                }
                HandOutPlaces();
            }
        }

        private static DateTimeOffset Halfway(DateTimeOffset from, DateTimeOffset to) =>
            from + TimeSpan.FromTicks((to - from).Ticks / 2);

        private static TaskCompletionSource<bool> NewSignal() =>
            new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
