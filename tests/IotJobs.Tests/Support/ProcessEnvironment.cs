namespace IotJobs.Tests.Support;

/// <summary>
/// The tests that change the process's environment variables (the AWS chain reads them): they run alone, since every
/// other test's commands would see the change.
/// </summary>
[CollectionDefinition(nameof(ProcessEnvironment), DisableParallelization = true)]
public sealed class ProcessEnvironment;
