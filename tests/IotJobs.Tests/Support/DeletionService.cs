using System.Globalization;
using System.Net;
using Amazon.Runtime;
using IotJobs.Client;
using IotJobs.Client.Model;

namespace IotJobs.Tests.Support;

/// <summary>
/// An in-memory IoT Jobs service for the deletion scheduler, on a <see cref="WatchedClock"/>: each deletion lasts
/// as long as the test says, at most 10 are in progress in the account (ours and those started elsewhere), the
/// listing of DELETION_IN_PROGRESS comes in pages, and a poll fails when the test queues a failure. Every call is
/// logged with the clock's time. It knows nothing of the scheduler's rules.
/// </summary>
internal sealed class DeletionService(WatchedClock clock, TimeSpan lasts) : IIotJobsClient
{
    private readonly object gate = new();
    private readonly Dictionary<string, (DateTimeOffset Started, TimeSpan Lasts)> deletions = [];
    private readonly List<Call> calls = [];

    /// <summary>One call: what it was, when (since <see cref="WatchedClock.Epoch"/>) and how it ended.</summary>
    public sealed record Call(string Operation, TimeSpan At, string? JobId, string? NextToken, bool Failed);

    public ServiceLocation Location { get; } = new("us-east-1", new Uri("https://iot.us-east-1.amazonaws.com"));

    /// <summary>How long each deletion started from now on lasts.</summary>
    public TimeSpan Lasts { get; set; } = lasts;

    public int PageSize { get; set; } = 250;

    /// <summary>The next listings fail with these, in order.</summary>
    public Queue<Exception> ListingFailures { get; } = new();

    public IReadOnlyList<Call> Calls
    {
        get
        {
            lock (gate)
                return calls.ToList();
        }
    }

    /// <summary>When each poll was asked for: its first page's time. Failed ones too.</summary>
    public TimeSpan[] PollTimes =>
        Calls.Where(c => c.Operation == "ListJobs" && c.NextToken == null).Select(c => c.At).ToArray();

    /// <summary>The accepted DeleteJob calls: which job, and when.</summary>
    public (string JobId, TimeSpan At)[] Accepted =>
        Calls.Where(c => c.Operation == "DeleteJob" && !c.Failed).Select(c => (c.JobId!, c.At)).ToArray();

    /// <summary>Deletions someone else started now, holding places in the account's limit.</summary>
    public void StartedElsewhere(int count, TimeSpan lasting)
    {
        lock (gate)
            for (int i = 0; i < count; i++)
                deletions[$"elsewhere-{deletions.Count}"] = (clock.GetUtcNow(), lasting);
    }

    public Task<DeleteJobResponse> DeleteJobAsync(DeleteJobRequest request, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            bool full = InProgress(now).Count() >= DeletionScheduler.ServiceLimit;
            calls.Add(new Call("DeleteJob", now - WatchedClock.Epoch, request.JobId, null, full));
            if (full)
                return Task.FromException<DeleteJobResponse>(
                    new LimitExceededException(
                        "Too many jobs in DELETION_IN_PROGRESS.",
                        null,
                        ErrorType.Sender,
                        "LimitExceededException",
                        "fake",
                        HttpStatusCode.Gone
                    )
                );
            deletions[request.JobId!] = (now, Lasts);
            return Task.FromResult(new DeleteJobResponse());
        }
    }

    public Task<ListJobsResponse> ListJobsAsync(ListJobsRequest request, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            if (request.Status != "DELETION_IN_PROGRESS")
                throw new NotSupportedException("Only the deletions in progress are listed here.");
            bool fail = ListingFailures.Count > 0;
            calls.Add(new Call("ListJobs", now - WatchedClock.Epoch, null, request.NextToken, fail));
            if (fail)
                return Task.FromException<ListJobsResponse>(ListingFailures.Dequeue());
            int from = request.NextToken == null ? 0 : int.Parse(request.NextToken, CultureInfo.InvariantCulture);
            var all = InProgress(now).OrderBy(id => id, StringComparer.Ordinal).ToList();
            var page = all.Skip(from).Take(PageSize).ToList();
            return Task.FromResult(
                new ListJobsResponse
                {
                    Jobs = page.Select(id => new JobSummary { JobId = id, Status = "DELETION_IN_PROGRESS" }).ToList(),
                    NextToken =
                        from + page.Count < all.Count
                            ? (from + page.Count).ToString(CultureInfo.InvariantCulture)
                            : null,
                }
            );
        }
    }

    /// <summary>Gone once it has lasted its time: at that very instant, no longer listed.</summary>
    private IEnumerable<string> InProgress(DateTimeOffset now) =>
        deletions.Where(d => now < d.Value.Started + d.Value.Lasts).Select(d => d.Key);

    public Task<string> GetCallerAccountAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult("123456789012");

    public Task<DescribeJobResponse> DescribeJobAsync(DescribeJobRequest request, CancellationToken c) =>
        throw new NotSupportedException();

    public Task<GetJobDocumentResponse> GetJobDocumentAsync(GetJobDocumentRequest request, CancellationToken c) =>
        throw new NotSupportedException();

    public Task<CancelJobResponse> CancelJobAsync(CancelJobRequest request, CancellationToken c) =>
        throw new NotSupportedException();

    public Task<ListJobExecutionsForJobResponse> ListJobExecutionsForJobAsync(
        ListJobExecutionsForJobRequest request,
        CancellationToken c
    ) => throw new NotSupportedException();

    public Task<ListJobExecutionsForThingResponse> ListJobExecutionsForThingAsync(
        ListJobExecutionsForThingRequest request,
        CancellationToken c
    ) => throw new NotSupportedException();

    public Task<DescribeJobExecutionResponse> DescribeJobExecutionAsync(
        DescribeJobExecutionRequest request,
        CancellationToken c
    ) => throw new NotSupportedException();

    public Task<CancelJobExecutionResponse> CancelJobExecutionAsync(
        CancelJobExecutionRequest request,
        CancellationToken c
    ) => throw new NotSupportedException();

    public Task<DeleteJobExecutionResponse> DeleteJobExecutionAsync(
        DeleteJobExecutionRequest request,
        CancellationToken c
    ) => throw new NotSupportedException();

    public Task<ListThingsResponse> ListThingsAsync(ListThingsRequest request, CancellationToken c) =>
        throw new NotSupportedException();

    public void Dispose() { }
}
