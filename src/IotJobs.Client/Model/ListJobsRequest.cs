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
}
