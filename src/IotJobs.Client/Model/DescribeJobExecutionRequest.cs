using Amazon.Runtime;

namespace IotJobs.Client.Model
{
    /// <summary>GET /things/{thingName}/jobs/{jobId}.</summary>
    public sealed class DescribeJobExecutionRequest : AmazonWebServiceRequest
    {
        public string? JobId { get; set; }
        public string? ThingName { get; set; }
        public long? ExecutionNumber { get; set; }
    }
}
