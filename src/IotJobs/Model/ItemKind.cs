namespace IotJobs.Model;

/// <summary>What an item is: a whole job (for every device), or one execution of a job on one thing.</summary>
public enum ItemKind
{
    Job,
    JobExecution,
}
