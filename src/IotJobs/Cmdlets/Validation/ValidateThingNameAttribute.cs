using System;

namespace IotJobs.Cmdlets.Validation;

/// <summary>A thing name: 1-128 of [a-zA-Z0-9:_-].</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ValidateThingNameAttribute : PatternValidationAttribute
{
    public ValidateThingNameAttribute()
        : base("^[a-zA-Z0-9:_-]+$", 128, "a thing name is 1 to 128 letters, digits, ':', '-' or '_'.") { }
}
