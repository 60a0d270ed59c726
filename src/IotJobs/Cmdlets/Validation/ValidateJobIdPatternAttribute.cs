using System;

namespace IotJobs.Cmdlets.Validation;

/// <summary>A job id or a wildcard pattern of one (*, ?, [...]), for the Get- cmdlets.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ValidateJobIdPatternAttribute : PatternValidationAttribute
{
    public ValidateJobIdPatternAttribute()
        : base(
            @"^[a-zA-Z0-9_*?\[\]-]+$",
            64,
            "a job id is 1 to 64 letters, digits, '-' or '_'; wildcards *, ? and [] may select several."
        ) { }
}
