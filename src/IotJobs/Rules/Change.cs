namespace IotJobs.Rules;

/// <summary>The four changes the module makes, one per Stop- and Remove- cmdlet.</summary>
internal enum Change
{
    CancelJob,
    DeleteJob,
    CancelJobExecution,
    DeleteJobExecution,
}
