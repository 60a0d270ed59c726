using System;

namespace IotJobs.Cmdlets.Validation;

/// <summary>A job id: 1-64 of [a-zA-Z0-9_-].</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ValidateJobIdAttribute : PatternValidationAttribute
{
    public ValidateJobIdAttribute()
        : base("^[a-zA-Z0-9_-]+$", 64, "a job id is 1 to 64 letters, digits, '-' or '_'.") { }
}
