using Amazon.Runtime;

namespace IotJobs.Client.Model
{
    public sealed class CancelJobResponse : AmazonWebServiceResponse
    {
        public string? JobArn { get; set; }
        public string? JobId { get; set; }
        public string? Description { get; set; }
    }
}
