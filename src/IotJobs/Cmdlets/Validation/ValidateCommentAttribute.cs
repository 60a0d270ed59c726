using System;

namespace IotJobs.Cmdlets.Validation;

/// <summary>A comment: at most 2028 characters, none of them control characters.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ValidateCommentAttribute : PatternValidationAttribute
{
    public ValidateCommentAttribute()
        : base(InputRule.Comment) { }
}
