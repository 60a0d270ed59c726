namespace IotJobs.Model
{
    /// <summary>The status of one job execution on one thing; member names are the service's own values.</summary>
    public enum JobExecutionStatus
    {
        QUEUED,
        IN_PROGRESS,
        SUCCEEDED,
        FAILED,
        TIMED_OUT,
        REJECTED,
        REMOVED,
        CANCELED,
    }
}
