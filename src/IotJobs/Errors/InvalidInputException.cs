using System;

namespace IotJobs.Errors;

/// <summary>A value the user gave that the service would refuse: nothing is sent for it.</summary>
internal sealed class InvalidInputException : Exception
{
    public InvalidInputException(string parameter, string problem)
        : base($"-{parameter} {problem}") => Parameter = parameter;

    /// <summary>The parameter's name, e.g. JobId: the error id is "Invalid" and it.</summary>
    public string Parameter { get; }
}
