namespace IotJobs.Cmdlets.Items
{
    /// <summary>What an item is: a whole job (for every device), or one execution of a job on one thing.</summary>
    internal enum ItemKind
    {
        Job,
        JobExecution,
    }
}
