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
}
