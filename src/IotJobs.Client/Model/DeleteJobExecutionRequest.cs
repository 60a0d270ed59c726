using Amazon.Runtime;

namespace IotJobs.Client.Model
{
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
