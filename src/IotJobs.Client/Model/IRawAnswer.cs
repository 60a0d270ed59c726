namespace IotJobs.Client.Model
{
    /// <summary>An answer that also keeps the service's JSON exactly as it came, for backups.</summary>
    public interface IRawAnswer
    {
        /// <summary>The answer's body, as the service sent it.</summary>
        string? RawJson { get; set; }
    }
}
