using System.Collections.Generic;
using Amazon.Runtime.Internal;

namespace IotJobs.Client
{
    /// <summary>What the SDK pipeline asks of the service: its id, which picks the endpoint settings.</summary>
    internal sealed class IotServiceMetadata : IServiceMetadata
    {
        public string ServiceId => IotJobsClientConfig.ServiceIdentifier;

        public IDictionary<string, string> OperationNameMapping { get; } = new Dictionary<string, string>();
    }
}
