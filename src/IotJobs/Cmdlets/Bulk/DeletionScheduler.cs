using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotJobs.Client;
using IotJobs.Client.Model;

namespace IotJobs.Cmdlets.Bulk
{
    /// <summary>
    /// Deletes jobs within the service's limit of 10 jobs in DELETION_IN_PROGRESS at once. It keeps
    /// at most 10 of its own deletions in progress, learns when each is gone by listing the jobs
    /// in DELETION_IN_PROGRESS (one request per poll, however many it tracks), and meets a
    /// LimitExceededException (deletions by others) by waiting and retrying, never by failing.
    /// </summary>
    internal sealed class DeletionScheduler : IDisposable
    {
        public const int ServiceLimit = 10;
        private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(4);

        private readonly IIotJobsClient client;
        private readonly CancellationToken cancellation;
        private readonly TimeSpan pollInterval;
        private readonly Action<string> note;
        private readonly SemaphoreSlim slots = new SemaphoreSlim(ServiceLimit, ServiceLimit);
        private readonly object gate = new object();
        private readonly Dictionary<string, Tracked> tracked = new Dictionary<string, Tracked>(StringComparer.Ordinal);
        private Task? poller;

        /// <param name="note">Told, from any thread, when a deletion waits and why, in words for a person.</param>
        public DeletionScheduler(IIotJobsClient client, CancellationToken cancellation, TimeSpan pollInterval, Action<string> note)
        {
            this.client = client;
            this.cancellation = cancellation;
            this.pollInterval = pollInterval;
            this.note = note;
        }

        /// <summary>Deletions this scheduler has started that are not gone yet.</summary>
        public int InProgress
        {
            get { lock (gate) return tracked.Count; }
        }

        /// <summary>Sends the deletion when one of the 10 places is free; returns once the service accepted it.</summary>
        public async Task DeleteAsync(DeleteJobRequest request, CancellationToken ct)
        {
            string subject = $"job '{request.JobId}'";
            if (!slots.Wait(0))
            {
                note($"{char.ToUpperInvariant(subject[0])}{subject.Substring(1)} waits for one of the service's {ServiceLimit} deletion places: " +
                    $"{InProgress} deletions started here are in progress.");
                await slots.WaitAsync(ct).ConfigureAwait(false);
                note($"A deletion place is free: deleting {subject}.");
            }
            var backoff = TimeSpan.FromMilliseconds(250);
            while (true)
            {
                try
                {
                    await client.DeleteJobAsync(request, ct).ConfigureAwait(false);
                    break;
                }
                catch (LimitExceededException)
                {
                    // Someone else's deletions hold the service's places: wait for one to end.
                    if (backoff.TotalMilliseconds <= 250)
                        note($"The service's {ServiceLimit} deletion places are taken by deletions started elsewhere: {subject} waits for one.");
                    await Task.Delay(backoff, ct).ConfigureAwait(false);
                    backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
                }
                catch
                {
                    slots.Release();
                    throw;
                }
            }
            lock (gate)
            {
                tracked[request.JobId!] = new Tracked(DateTime.UtcNow);
                if (poller == null || poller.IsCompleted) poller = Task.Run(PollAsync);
            }
        }

        /// <summary>Completes when every deletion started here is gone.</summary>
        public Task WhenAllGoneAsync()
        {
            lock (gate) return Task.WhenAll(tracked.Values.Select(t => t.Gone.Task));
        }

        public void Dispose() => slots.Dispose();

        private async Task PollAsync()
        {
            while (true)
            {
                lock (gate)
                {
                    if (tracked.Count == 0) return;
                }
                await Task.Delay(pollInterval, cancellation).ConfigureAwait(false);
                var askedAt = DateTime.UtcNow;
                HashSet<string> stillDeleting;
                try
                {
                    stillDeleting = await ListDeletingAsync().ConfigureAwait(false);
                }
                catch (Exception e) when (!(e is OperationCanceledException))
                {
                    continue; // a failed poll learns nothing; the next one will
                }
                lock (gate)
                {
                    // Only a listing asked for after the deletion was accepted can show it is gone.
                    foreach (var done in tracked.Where(t => t.Value.Since < askedAt && !stillDeleting.Contains(t.Key)).ToList())
                    {
                        tracked.Remove(done.Key);
                        done.Value.Gone.TrySetResult(true);
                        slots.Release();
                    }
                }
            }
        }

        private async Task<HashSet<string>> ListDeletingAsync()
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            string? token = null;
            do
            {
                var page = await client.ListJobsAsync(
                    new ListJobsRequest { Status = nameof(Model.JobStatus.DELETION_IN_PROGRESS), MaxResults = 250, NextToken = token }, cancellation).ConfigureAwait(false);
                foreach (var job in page.Jobs) ids.Add(job.JobId ?? "");
                token = page.NextToken;
            }
            while (!string.IsNullOrEmpty(token));
            return ids;
        }

        private sealed class Tracked
        {
            public Tracked(DateTime since) => Since = since;

            public DateTime Since { get; }

            public TaskCompletionSource<bool> Gone { get; } = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }
}
