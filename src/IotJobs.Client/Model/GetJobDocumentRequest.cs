using Amazon.Runtime;

namespace IotJobs.Client.Model
{
    /// <summary>GET /jobs/{jobId}/job-document.</summary>
    public sealed class GetJobDocumentRequest : AmazonWebServiceRequest
    {
        public string? JobId { get; set; }
        public bool? BeforeSubstitution { get; set; }
    }
}
