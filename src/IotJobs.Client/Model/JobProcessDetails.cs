using System.Collections.Generic;

namespace IotJobs.Client.Model
{
    /// <summary>Counts of a job's executions by status.</summary>
    public sealed class JobProcessDetails
    {
        public List<string> ProcessingTargets { get; set; } = new List<string>();
        public int? NumberOfCanceledThings { get; set; }
        public int? NumberOfSucceededThings { get; set; }
        public int? NumberOfFailedThings { get; set; }
        public int? NumberOfRejectedThings { get; set; }
        public int? NumberOfQueuedThings { get; set; }
        public int? NumberOfInProgressThings { get; set; }
        public int? NumberOfRemovedThings { get; set; }
        public int? NumberOfTimedOutThings { get; set; }
    }
}
