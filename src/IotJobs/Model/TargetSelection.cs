namespace IotJobs.Model
{
    /// <summary>
    /// Whether a job keeps running on things added to its targets (CONTINUOUS) or ends once its targets finish
    /// (SNAPSHOT).
    /// </summary>
    public enum TargetSelection
    {
        CONTINUOUS,
        SNAPSHOT,
    }
}
