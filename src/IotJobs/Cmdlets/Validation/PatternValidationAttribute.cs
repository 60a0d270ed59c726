using System;
using System.Collections;
using System.Management.Automation;
using System.Text.RegularExpressions;

namespace IotJobs.Cmdlets.Validation
{
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

    /// <summary>A job id: 1-64 of [a-zA-Z0-9_-].</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateJobIdAttribute : PatternValidationAttribute
    {
        public ValidateJobIdAttribute()
            : base("^[a-zA-Z0-9_-]+$", 64, "a job id is 1 to 64 letters, digits, '-' or '_'.") { }
    }

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

    /// <summary>A thing name: 1-128 of [a-zA-Z0-9:_-].</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateThingNameAttribute : PatternValidationAttribute
    {
        public ValidateThingNameAttribute()
            : base("^[a-zA-Z0-9:_-]+$", 128, "a thing name is 1 to 128 letters, digits, ':', '-' or '_'.") { }
    }

    /// <summary>A namespace id: [a-zA-Z0-9_-]+.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateNamespaceIdAttribute : PatternValidationAttribute
    {
        public ValidateNamespaceIdAttribute()
            : base("^[a-zA-Z0-9_-]+$", 64, "a namespace id is letters, digits, '-' or '_'.") { }
    }

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

    /// <summary>A comment: at most 2028 characters, none of them control characters.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class ValidateCommentAttribute : PatternValidationAttribute
    {
        public ValidateCommentAttribute()
            : base(
                @"^[^\p{Cc}]+$",
                2028,
                "a comment is 1 to 2028 characters without control characters such as line breaks or tabs."
            ) { }
    }
}
