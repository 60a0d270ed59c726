using Amazon.Runtime;

namespace IotJobs.Client.Model
{
    /// <summary>GET /jobs/{jobId}.</summary>
    public sealed class DescribeJobRequest : AmazonWebServiceRequest
    {
        public string? JobId { get; set; }
        public bool? BeforeSubstitution { get; set; }
    }
}
