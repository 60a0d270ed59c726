using System;
using System.Collections;
using System.Management.Automation;
using System.Text.RegularExpressions;

namespace IotJobs.Cmdlets.Validation;

/// <summary>
/// Refuses a value the service would refuse, before any request, saying what a valid value
/// looks like. Applies to each element of an array parameter. A null (a piped object whose
/// property is empty) means "not given" and passes; mandatory parameters refuse it anyway.
/// </summary>
public abstract class PatternValidationAttribute : ValidateArgumentsAttribute
{
    private readonly Regex pattern;
    private readonly int maxLength;
    private readonly string rule;

    protected PatternValidationAttribute(string pattern, int maxLength, string rule)
    {
        this.pattern = new Regex(pattern, RegexOptions.CultureInvariant);
        this.maxLength = maxLength;
        this.rule = rule;
    }

    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        object? value = arguments is PSObject o ? o.BaseObject : arguments;
        if (value is string || !(value is IEnumerable elements))
        {
            ValidateElement(value);
            return;
        }
        foreach (var element in elements)
            ValidateElement(element is PSObject e ? e.BaseObject : element);
    }

    private void ValidateElement(object? element)
    {
        if (element == null)
            return;
        string value = element.ToString() ?? "";
        if (value.Length == 0 || value.Length > maxLength || !pattern.IsMatch(value))
            throw new ValidationMetadataException($"'{value}' is not valid: {rule}");
    }
}
