using System;
using System.Globalization;
using System.Management.Automation;

namespace IotJobs.Cmdlets.Validation;

/// <summary>
/// Like ValidateRange, but a null (a piped object without the property, such as an execution
/// from a listing, which has no VersionNumber) means "not given" and passes.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ValidateOptionalRangeAttribute : ValidateArgumentsAttribute
{
    private readonly long min;

    public ValidateOptionalRangeAttribute(long min) => this.min = min;

    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        object? value = arguments is PSObject o ? o.BaseObject : arguments;
        if (value == null)
            return;
        long n = Convert.ToInt64(value, CultureInfo.InvariantCulture);
        if (n < min)
            throw new ValidationMetadataException($"{n} is not valid: the value must be {min} or more.");
    }
}
