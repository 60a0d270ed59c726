using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using IotJobs.Client;
using IotJobs.Client.Model;

namespace IotJobs.TestDoubles
{
    /// <summary>
    /// A client double holding jobs and executions in memory, with the service's main refusals
    /// (missing item, unfinished item without force, stale version), and a log of every call.
    /// Inject it with [IotJobs.Cmdlets.ClientOverride]::Use($double).
    /// </summary>
    public sealed class InMemoryIotJobsClient : IIotJobsClient
    {
        private readonly object gate = new object();
        private readonly SortedDictionary<string, Job> jobs = new SortedDictionary<string, Job>(StringComparer.Ordinal);
        private readonly List<JobExecution> executions = new List<JobExecution>();
        private readonly SortedSet<string> things = new SortedSet<string>(StringComparer.Ordinal);
        private long nextExecutionNumber = 1;

        /// <summary>Every call, in order: the operation name and the request.</summary>
        public List<KeyValuePair<string, AmazonWebServiceRequest>> Calls { get; } =
            new List<KeyValuePair<string, AmazonWebServiceRequest>>();

        /// <summary>Page size of the list operations, small by default so paging is exercised.</summary>
        public int PageSize { get; set; } = 2;

        public string[] CallNames()
        {
            lock (gate)
                return Calls.Select(c => c.Key).ToArray();
        }

        public string[] MutatingCallNames() =>
            CallNames()
                .Where(n =>
                    n.StartsWith("Cancel", StringComparison.Ordinal) || n.StartsWith("Delete", StringComparison.Ordinal)
                )
                .ToArray();

        public InMemoryIotJobsClient AddJob(string jobId, string status = "IN_PROGRESS")
        {
            lock (gate)
                jobs[jobId] = new Job
                {
                    JobId = jobId,
                    Status = status,
                    TargetSelection = "SNAPSHOT",
                    JobArn = "arn:aws:iot:us-east-1:123456789012:job/" + jobId,
                };
            return this;
        }

        public InMemoryIotJobsClient AddExecution(
            string jobId,
            string thingName,
            string status = "QUEUED",
            long version = 1
        )
        {
            lock (gate)
            {
                executions.Add(
                    new JobExecution
                    {
                        JobId = jobId,
                        ThingArn = "arn:aws:iot:us-east-1:123456789012:thing/" + thingName,
                        Status = status,
                        ExecutionNumber = nextExecutionNumber++,
                        VersionNumber = version,
                    }
                );
            }
            return this;
        }

        /// <summary>A thing no job reaches, for ListThings (which names those with executions too).</summary>
        public InMemoryIotJobsClient AddThing(string thingName)
        {
            lock (gate)
                things.Add(thingName);
            return this;
        }

        public ServiceLocation Location { get; } =
            new ServiceLocation("us-east-1", new Uri("https://iot.us-east-1.amazonaws.com"));

        /// <summary>The account every item of this double belongs to.</summary>
        public Task<string> GetCallerAccountAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult("123456789012");

        public string? StatusOf(string jobId)
        {
            lock (gate)
                return jobs.TryGetValue(jobId, out var j) ? j.Status : null;
        }

        public string? StatusOf(string jobId, string thingName)
        {
            lock (gate)
                return Find(jobId, thingName)?.Status;
        }

        public Task<ListJobsResponse> ListJobsAsync(
            ListJobsRequest request,
            CancellationToken cancellationToken = default
        ) => Run("ListJobs", request, () =>
            {
                var (items, next) = Page(
                    jobs.Values.Where(j =>
                        (request.Status == null || j.Status == request.Status)
                        && (request.NamespaceId == null || j.NamespaceId == request.NamespaceId)
                    ),
                    j => j.JobId!,
                    request.NextToken
                );
                return new ListJobsResponse
                {
                    Jobs = items
                        .Select(j => new JobSummary
                        {
                            JobId = j.JobId,
                            Status = j.Status,
                            TargetSelection = j.TargetSelection,
                            JobArn = j.JobArn,
                        })
                        .ToList(),
                    NextToken = next,
                };
            });

        public Task<DescribeJobResponse> DescribeJobAsync(
            DescribeJobRequest request,
            CancellationToken cancellationToken = default
        ) => Run("DescribeJob", request, () =>
            {
                var job = RequireJob(request.JobId!);
                int Count(string status) => executions.Count(e => e.JobId == job.JobId && e.Status == status);
                job.JobProcessDetails = new JobProcessDetails
                {
                    NumberOfQueuedThings = Count("QUEUED"),
                    NumberOfInProgressThings = Count("IN_PROGRESS"),
                    NumberOfSucceededThings = Count("SUCCEEDED"),
                    NumberOfFailedThings = Count("FAILED"),
                    NumberOfCanceledThings = Count("CANCELED"),
                };
                return new DescribeJobResponse { Job = job };
            });

        public Task<GetJobDocumentResponse> GetJobDocumentAsync(
            GetJobDocumentRequest request,
            CancellationToken cancellationToken = default
        ) =>
            Run("GetJobDocument", request, () =>
                new GetJobDocumentResponse { Document = "{\"job\":\"" + RequireJob(request.JobId!).JobId + "\"}" }
            );

        public Task<CancelJobResponse> CancelJobAsync(
            CancelJobRequest request,
            CancellationToken cancellationToken = default
        ) => Run("CancelJob", request, () =>
            {
                var job = RequireJob(request.JobId!);
                if (job.Status != "IN_PROGRESS" && job.Status != "SCHEDULED")
                    throw Refuse($"Job {job.JobId} is {job.Status}.");
                job.Status = "CANCELED";
                job.ReasonCode = request.ReasonCode;
                job.Comment = request.Comment;
                return new CancelJobResponse { JobId = job.JobId, JobArn = job.JobArn };
            });

        public Task<DeleteJobResponse> DeleteJobAsync(
            DeleteJobRequest request,
            CancellationToken cancellationToken = default
        ) => Run("DeleteJob", request, () =>
            {
                var job = RequireJob(request.JobId!);
                if (job.Status != "COMPLETED" && job.Status != "CANCELED" && request.Force != true)
                    throw Refuse($"Job {job.JobId} is {job.Status}.");
                job.Status = "DELETION_IN_PROGRESS";
                return new DeleteJobResponse();
            });

        public Task<ListJobExecutionsForJobResponse> ListJobExecutionsForJobAsync(
            ListJobExecutionsForJobRequest request,
            CancellationToken cancellationToken = default
        ) => Run("ListJobExecutionsForJob", request, () =>
            {
                RequireJob(request.JobId!);
                var (items, next) = Page(
                    executions.Where(e =>
                        e.JobId == request.JobId && (request.Status == null || e.Status == request.Status)
                    ),
                    e => e.ThingName!,
                    request.NextToken
                );
                return new ListJobExecutionsForJobResponse
                {
                    ExecutionSummaries = items
                        .Select(e => new JobExecutionSummaryForJob
                        {
                            ThingArn = e.ThingArn,
                            JobExecutionSummary = Summary(e),
                        })
                        .ToList(),
                    NextToken = next,
                };
            });

        public Task<ListJobExecutionsForThingResponse> ListJobExecutionsForThingAsync(
            ListJobExecutionsForThingRequest request,
            CancellationToken cancellationToken = default
        ) => Run("ListJobExecutionsForThing", request, () =>
            {
                var (items, next) = Page(
                    executions.Where(e =>
                        e.ThingName == request.ThingName && (request.Status == null || e.Status == request.Status)
                    ),
                    e => e.JobId!,
                    request.NextToken
                );
                return new ListJobExecutionsForThingResponse
                {
                    ExecutionSummaries = items
                        .Select(e => new JobExecutionSummaryForThing
                        {
                            JobId = e.JobId,
                            JobExecutionSummary = Summary(e),
                        })
                        .ToList(),
                    NextToken = next,
                };
            });

        public Task<DescribeJobExecutionResponse> DescribeJobExecutionAsync(
            DescribeJobExecutionRequest request,
            CancellationToken cancellationToken = default
        ) =>
            Run("DescribeJobExecution", request, () =>
                new DescribeJobExecutionResponse { Execution = RequireExecution(request.JobId!, request.ThingName!) }
            );

        public Task<CancelJobExecutionResponse> CancelJobExecutionAsync(
            CancelJobExecutionRequest request,
            CancellationToken cancellationToken = default
        ) => Run("CancelJobExecution", request, () =>
            {
                var e = RequireExecution(request.JobId!, request.ThingName!);
                if (request.ExpectedVersion.HasValue && request.ExpectedVersion != e.VersionNumber)
                    throw Error(
                        "VersionConflictException",
                        HttpStatusCode.Conflict,
                        $"Version {e.VersionNumber}, expected {request.ExpectedVersion}."
                    );
                if (e.Status == "IN_PROGRESS" && request.Force != true)
                    throw Refuse("The execution is IN_PROGRESS.");
                if (e.Status != "QUEUED" && e.Status != "IN_PROGRESS")
                    throw Refuse($"The execution is {e.Status}.");
                e.Status = "CANCELED";
                e.VersionNumber++;
                return new CancelJobExecutionResponse();
            });

        public Task<DeleteJobExecutionResponse> DeleteJobExecutionAsync(
            DeleteJobExecutionRequest request,
            CancellationToken cancellationToken = default
        ) => Run("DeleteJobExecution", request, () =>
            {
                var e = RequireExecution(request.JobId!, request.ThingName!);
                if ((e.Status == "QUEUED" || e.Status == "IN_PROGRESS") && request.Force != true)
                    throw Refuse($"The execution is {e.Status}.");
                executions.Remove(e);
                return new DeleteJobExecutionResponse();
            });

        public Task<ListThingsResponse> ListThingsAsync(
            ListThingsRequest request,
            CancellationToken cancellationToken = default
        ) => Run("ListThings", request, () =>
            {
                // Things here have no type and no attributes: a filter on either matches none.
                bool filtered =
                    request.ThingTypeName != null || request.AttributeName != null || request.AttributeValue != null;
                var known = filtered
                    ? Enumerable.Empty<string>()
                    : things.Union(executions.Select(e => e.ThingName!), StringComparer.Ordinal);
                var (items, next) = Page(known, n => n, request.NextToken);
                return new ListThingsResponse
                {
                    Things = items
                        .Select(n => new ThingAttribute
                        {
                            ThingName = n,
                            ThingArn = "arn:aws:iot:us-east-1:123456789012:thing/" + n,
                            Version = 1,
                        })
                        .ToList(),
                    NextToken = next,
                };
            });

        public void Dispose() { }

        private Task<T> Run<T>(string operation, AmazonWebServiceRequest request, Func<T> body)
        {
            lock (gate)
            {
                Calls.Add(new KeyValuePair<string, AmazonWebServiceRequest>(operation, request));
                try
                {
                    return Task.FromResult(body());
                }
                catch (IotJobsServiceException e)
                {
                    return Task.FromException<T>(e);
                }
            }
        }

        private (List<T> Items, string? Next) Page<T>(IEnumerable<T> all, Func<T, string> key, string? after)
        {
            var rest = all.OrderBy(key, StringComparer.Ordinal)
                .Where(x => after == null || string.CompareOrdinal(key(x), after) > 0)
                .Take(PageSize + 1)
                .ToList();
            if (rest.Count <= PageSize)
                return (rest, null);
            rest.RemoveAt(PageSize);
            return (rest, key(rest[rest.Count - 1]));
        }

        private Job RequireJob(string jobId) =>
            jobs.TryGetValue(jobId, out var job)
                ? job
                : throw Error("ResourceNotFoundException", HttpStatusCode.NotFound, $"Job {jobId} does not exist.");

        private JobExecution? Find(string jobId, string thingName) =>
            executions.FirstOrDefault(e => e.JobId == jobId && e.ThingName == thingName);

        private JobExecution RequireExecution(string jobId, string thingName) =>
            Find(jobId, thingName)
            ?? throw Error(
                "ResourceNotFoundException",
                HttpStatusCode.NotFound,
                $"No execution of {jobId} on {thingName}."
            );

        private static JobExecutionSummary Summary(JobExecution e) =>
            new JobExecutionSummary { Status = e.Status, ExecutionNumber = e.ExecutionNumber };

        private static IotJobsServiceException Refuse(string message) =>
            Error("InvalidStateTransitionException", HttpStatusCode.Conflict, message);

        private static IotJobsServiceException Error(string code, HttpStatusCode status, string message) =>
            code switch
            {
                "ResourceNotFoundException" => new ResourceNotFoundException(
                    message,
                    null,
                    ErrorType.Sender,
                    code,
                    "in-memory",
                    status
                ),
                "VersionConflictException" => new VersionConflictException(
                    message,
                    null,
                    ErrorType.Sender,
                    code,
                    "in-memory",
                    status
                ),
                _ => new InvalidStateTransitionException(message, null, ErrorType.Sender, code, "in-memory", status),
            };
    }
}
