using System.Collections.Concurrent;
using IotJobs.Client;
using IotJobs.Client.Model;
using IotJobs.TestDoubles;

namespace IotJobs.Tests.Changes;

/// <summary>
/// The in-memory client, placed in a region of its own, whose changes of chosen jobs are held until the test lets
/// them go: so a test decides which items finish first, without a clock.
/// </summary>
internal sealed class HeldClient(string region) : IIotJobsClient
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> held = new();

    public InMemoryIotJobsClient Service { get; } = new();

    public ServiceLocation Location { get; } = new(region, new Uri($"https://iot.{region}.amazonaws.com"));

    /// <summary>Changes of these jobs are held until <see cref="Release"/>.</summary>
    public void Hold(string jobId) =>
        held[jobId] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release(string jobId) => held[jobId].TrySetResult();

    /// <summary>Read-backs of jobs fail, as a service that is unavailable would answer them.</summary>
    public bool DescribeFails { get; set; }

    /// <summary>The jobs whose change has reached the service (held or not).</summary>
    public ConcurrentDictionary<string, bool> Reached { get; } = new();

    private async Task<T> After<T>(string? jobId, Func<Task<T>> change, CancellationToken ct)
    {
        if (jobId != null)
            Reached[jobId] = true;
        if (jobId != null && held.TryGetValue(jobId, out var gate))
            await gate.Task.WaitAsync(ct);
        return await change();
    }

    public Task<CancelJobResponse> CancelJobAsync(CancelJobRequest request, CancellationToken ct = default) =>
        After(request.JobId, () => Service.CancelJobAsync(request, ct), ct);

    public Task<DeleteJobResponse> DeleteJobAsync(DeleteJobRequest request, CancellationToken ct = default) =>
        After(request.JobId, () => Service.DeleteJobAsync(request, ct), ct);

    public Task<DescribeJobResponse> DescribeJobAsync(DescribeJobRequest request, CancellationToken ct = default) =>
        DescribeFails
            ? Task.FromException<DescribeJobResponse>(new TimeoutException("the service did not answer"))
            : Service.DescribeJobAsync(request, ct);

    public Task<string> GetCallerAccountAsync(CancellationToken ct = default) => Service.GetCallerAccountAsync(ct);

    public Task<ListJobsResponse> ListJobsAsync(ListJobsRequest request, CancellationToken ct = default) =>
        Service.ListJobsAsync(request, ct);

    public Task<GetJobDocumentResponse> GetJobDocumentAsync(
        GetJobDocumentRequest request,
        CancellationToken ct = default
    ) => Service.GetJobDocumentAsync(request, ct);

    public Task<ListJobExecutionsForJobResponse> ListJobExecutionsForJobAsync(
        ListJobExecutionsForJobRequest request,
        CancellationToken ct = default
    ) => Service.ListJobExecutionsForJobAsync(request, ct);

    public Task<ListJobExecutionsForThingResponse> ListJobExecutionsForThingAsync(
        ListJobExecutionsForThingRequest request,
        CancellationToken ct = default
    ) => Service.ListJobExecutionsForThingAsync(request, ct);

    public Task<DescribeJobExecutionResponse> DescribeJobExecutionAsync(
        DescribeJobExecutionRequest request,
        CancellationToken ct = default
    ) => Service.DescribeJobExecutionAsync(request, ct);

    public Task<CancelJobExecutionResponse> CancelJobExecutionAsync(
        CancelJobExecutionRequest request,
        CancellationToken ct = default
    ) => After(request.JobId, () => Service.CancelJobExecutionAsync(request, ct), ct);

    public Task<DeleteJobExecutionResponse> DeleteJobExecutionAsync(
        DeleteJobExecutionRequest request,
        CancellationToken ct = default
    ) => After(request.JobId, () => Service.DeleteJobExecutionAsync(request, ct), ct);

    public Task<ListThingsResponse> ListThingsAsync(ListThingsRequest request, CancellationToken ct = default) =>
        Service.ListThingsAsync(request, ct);

    public void Dispose() => Service.Dispose();
}
