using System;
using System.Management.Automation;

namespace IotJobs.Cmdlets.Validation;

/// <summary>
/// An empty string (an empty CSV column, an unset property) means "not given": bound as null, not
/// converted to 0 or refused as invalid, so a CSV exported by the module imports back.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class EmptyAsNullAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        object? value = inputData is PSObject o ? o.BaseObject : inputData;
        return value is string s && s.Length == 0 ? null : inputData;
    }
}
