namespace IotJobs.Client.Model
{
    /// <summary>One entry of ListJobExecutionsForThing.</summary>
    public sealed class JobExecutionSummaryForThing
    {
        public string? JobId { get; set; }
        public JobExecutionSummary? JobExecutionSummary { get; set; }
    }
}
