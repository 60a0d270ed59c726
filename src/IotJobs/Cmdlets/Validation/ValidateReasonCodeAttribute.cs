using System;

namespace IotJobs.Cmdlets.Validation;

/// <summary>A reason code: at most 128 upper-case letters, digits and underscores.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ValidateReasonCodeAttribute : PatternValidationAttribute
{
    public ValidateReasonCodeAttribute()
        : base(
            @"^[\p{Lu}\p{Nd}_]+$",
            128,
            "a reason code is at most 128 upper-case letters, digits and underscores, such as ROLLBACK or BAD_BUILD_42."
        ) { }
}
