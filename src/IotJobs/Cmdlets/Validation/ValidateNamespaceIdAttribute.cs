using System;

namespace IotJobs.Cmdlets.Validation;

/// <summary>A namespace id: [a-zA-Z0-9_-]+.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ValidateNamespaceIdAttribute : PatternValidationAttribute
{
    public ValidateNamespaceIdAttribute()
        : base("^[a-zA-Z0-9_-]+$", 64, "a namespace id is letters, digits, '-' or '_'.") { }
}
