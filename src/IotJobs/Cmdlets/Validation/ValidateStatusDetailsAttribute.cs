using System;
using System.Collections;
using System.Management.Automation;

namespace IotJobs.Cmdlets.Validation;

/// <summary>Status details: at most 10 name/value pairs with non-empty names, as the service allows.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ValidateStatusDetailsAttribute : ValidateArgumentsAttribute
{
    public const int MaxPairs = 10;

    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        var table =
            (arguments is PSObject o ? o.BaseObject : arguments) as IDictionary
            ?? throw new ValidationMetadataException(
                "Status details must be a hashtable of names and values, such as @{ reason = 'rollback' }."
            );
        if (table.Count > MaxPairs)
            throw new ValidationMetadataException(
                $"Status details have {table.Count} pairs; the service takes at most {MaxPairs}. "
                    + $"Remove {table.Count - MaxPairs}."
            );
        foreach (DictionaryEntry pair in table)
        {
            if (string.IsNullOrWhiteSpace(pair.Key?.ToString()))
                throw new ValidationMetadataException("Status detail names must not be empty.");
        }
    }
}
