using Amazon.Runtime;

namespace IotJobs.Client.Model
{
    /// <summary>GET /jobs: one page of jobs, filtered.</summary>
    public sealed class ListJobsRequest : AmazonWebServiceRequest
    {
        public string? Status { get; set; }
        public string? TargetSelection { get; set; }
        public string? ThingGroupName { get; set; }
        public string? ThingGroupId { get; set; }
        public string? NamespaceId { get; set; }
        public int? MaxResults { get; set; }
        public string? NextToken { get; set; }
    }

    /// <summary>GET /jobs/{jobId}.</summary>
    public sealed class DescribeJobRequest : AmazonWebServiceRequest
    {
        public string? JobId { get; set; }
        public bool? BeforeSubstitution { get; set; }
    }

    /// <summary>GET /jobs/{jobId}/job-document.</summary>
    public sealed class GetJobDocumentRequest : AmazonWebServiceRequest
    {
        public string? JobId { get; set; }
        public bool? BeforeSubstitution { get; set; }
    }

    /// <summary>PUT /jobs/{jobId}/cancel.</summary>
    public sealed class CancelJobRequest : AmazonWebServiceRequest
    {
        public string? JobId { get; set; }
        public string? ReasonCode { get; set; }
        public string? Comment { get; set; }

        /// <summary>Null sends no force parameter at all, as the AWS CLI does.</summary>
        public bool? Force { get; set; }
    }

    /// <summary>DELETE /jobs/{jobId}.</summary>
    public sealed class DeleteJobRequest : AmazonWebServiceRequest
    {
        public string? JobId { get; set; }
        public bool? Force { get; set; }
        public string? NamespaceId { get; set; }
    }
}
