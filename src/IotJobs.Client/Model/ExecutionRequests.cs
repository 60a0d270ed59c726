using System.Collections.Generic;
using Amazon.Runtime;

namespace IotJobs.Client.Model
{
    /// <summary>GET /jobs/{jobId}/things: one page of a job's executions.</summary>
    public sealed class ListJobExecutionsForJobRequest : AmazonWebServiceRequest
    {
        public string? JobId { get; set; }
        public string? Status { get; set; }
        public int? MaxResults { get; set; }
        public string? NextToken { get; set; }
    }

    /// <summary>GET /things/{thingName}/jobs: one page of a thing's executions.</summary>
    public sealed class ListJobExecutionsForThingRequest : AmazonWebServiceRequest
    {
        public string? ThingName { get; set; }
        public string? Status { get; set; }
        public string? NamespaceId { get; set; }
        public string? JobId { get; set; }
        public int? MaxResults { get; set; }
        public string? NextToken { get; set; }
    }

    /// <summary>GET /things/{thingName}/jobs/{jobId}.</summary>
    public sealed class DescribeJobExecutionRequest : AmazonWebServiceRequest
    {
        public string? JobId { get; set; }
        public string? ThingName { get; set; }
        public long? ExecutionNumber { get; set; }
    }

    /// <summary>PUT /things/{thingName}/jobs/{jobId}/cancel.</summary>
    public sealed class CancelJobExecutionRequest : AmazonWebServiceRequest
    {
        public string? JobId { get; set; }
        public string? ThingName { get; set; }
        public bool? Force { get; set; }
        public long? ExpectedVersion { get; set; }

        /// <summary>Null leaves the execution's details unchanged; the service takes at most 10 pairs.</summary>
        public Dictionary<string, string>? StatusDetails { get; set; }
    }

    /// <summary>DELETE /things/{thingName}/jobs/{jobId}/executionNumber/{executionNumber}.</summary>
    public sealed class DeleteJobExecutionRequest : AmazonWebServiceRequest
    {
        public string? JobId { get; set; }
        public string? ThingName { get; set; }
        public long? ExecutionNumber { get; set; }
        public bool? Force { get; set; }
        public string? NamespaceId { get; set; }
    }
}
