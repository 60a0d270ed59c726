namespace IotJobs.Errors;

/// <summary>Why the module refused an item before sending anything; each is an error id of its own.</summary>
internal enum Refusal
{
    /// <summary>An execution given to a job-level cmdlet, which would change the whole job.</summary>
    ExecutionNotJob,

    /// <summary>Stop-IotJobExecution given an execution that is no longer the thing's current one.</summary>
    ExecutionNotCurrent,
    WrongRegion,
    WrongEndpoint,
    WrongAccount,

    /// <summary>The item names an account, and the credentials' account could not be learned.</summary>
    AccountUnknown,

    /// <summary>A job another service created and manages (an OTA update's, a Greengrass deployment's).</summary>
    ServiceOwnedJob,

    /// <summary>Whether another service owns the job could not be checked.</summary>
    OwnershipUnknown,
}
