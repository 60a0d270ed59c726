namespace IotJobs.Model
{
    /// <summary>The status of an AWS IoT job; member names are the service's own values.</summary>
    public enum JobStatus
    {
        IN_PROGRESS,
        CANCELED,
        COMPLETED,
        DELETION_IN_PROGRESS,
        SCHEDULED,
    }
}
