using Amazon.Runtime;

namespace IotJobs.Client.Model
{
    /// <summary>PUT /jobs/{jobId}/cancel.</summary>
    public sealed class CancelJobRequest : AmazonWebServiceRequest
    {
        public string? JobId { get; set; }
        public string? ReasonCode { get; set; }
        public string? Comment { get; set; }

        /// <summary>Null sends no force parameter at all, as the AWS CLI does.</summary>
        public bool? Force { get; set; }
    }
}
