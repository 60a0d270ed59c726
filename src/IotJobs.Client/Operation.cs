namespace IotJobs.Client
{
    /// <summary>
    /// Every call the client makes, named by the method that makes it: retry rules, -Verbose and messages key on
    /// this, never on a type's name.
    /// </summary>
    internal enum Operation
    {
        ListJobs,
        DescribeJob,
        GetJobDocument,
        CancelJob,
        DeleteJob,
        ListJobExecutionsForJob,
        ListJobExecutionsForThing,
        DescribeJobExecution,
        CancelJobExecution,
        DeleteJobExecution,

        /// <summary>The registry's things, for tab completion: not an IoT Jobs operation.</summary>
        ListThings,
        GetCallerIdentity,
    }
}
