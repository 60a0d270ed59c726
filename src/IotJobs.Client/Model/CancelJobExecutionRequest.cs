using System.Collections.Generic;
using Amazon.Runtime;

namespace IotJobs.Client.Model
{
    /// <summary>PUT /things/{thingName}/jobs/{jobId}/cancel.</summary>
    public sealed class CancelJobExecutionRequest : AmazonWebServiceRequest
    {
        public string? JobId { get; set; }
        public string? ThingName { get; set; }
        public bool? Force { get; set; }
        public long? ExpectedVersion { get; set; }

        /// <summary>Null leaves the execution's details unchanged; the service takes at most 10 pairs.</summary>
        public Dictionary<string, string>? StatusDetails { get; set; }
    }
}
