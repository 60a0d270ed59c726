namespace IotJobs.Client.Model
{
    /// <summary>One entry of ListJobExecutionsForJob: the service names the thing only by ARN.</summary>
    public sealed class JobExecutionSummaryForJob
    {
        public string? ThingArn { get; set; }

        /// <summary>Not a service field: the thing name taken from <see cref="ThingArn"/>.</summary>
        public string? ThingName => ThingArns.NameOf(ThingArn);

        public JobExecutionSummary? JobExecutionSummary { get; set; }
    }
}
