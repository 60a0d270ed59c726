using Amazon.Runtime;

namespace IotJobs.Client.Model
{
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
}
