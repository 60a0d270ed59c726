using Amazon.Runtime;

namespace IotJobs.Client.Model
{
    /// <summary>DELETE /jobs/{jobId}.</summary>
    public sealed class DeleteJobRequest : AmazonWebServiceRequest
    {
        public string? JobId { get; set; }
        public bool? Force { get; set; }
        public string? NamespaceId { get; set; }
    }
}
