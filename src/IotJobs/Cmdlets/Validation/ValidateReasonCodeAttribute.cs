using System;

namespace IotJobs.Cmdlets.Validation;

/// <summary>A reason code: at most 128 upper-case letters, digits and underscores.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ValidateReasonCodeAttribute : PatternValidationAttribute
{
    public ValidateReasonCodeAttribute()
        : base(InputRule.ReasonCode) { }
}
