using System.Collections.Generic;

namespace IotJobs.Client.Model
{
    /// <summary>The name/value pairs a device (or a cancel) left on an execution.</summary>
    public sealed class JobExecutionStatusDetails
    {
        public Dictionary<string, string> DetailsMap { get; set; } = new Dictionary<string, string>();
    }
}
