namespace IotJobs.Cmdlets.Validation;

/// <summary>
/// The service's constraints on what a user gives, one per kind of value (see <see cref="InputRules"/>).
/// </summary>
public enum InputRule
{
    /// <summary>1 to 64 letters, digits, '-' or '_'.</summary>
    JobId,

    /// <summary>A job id, or a wildcard pattern of one, for the Get- cmdlets.</summary>
    JobIdPattern,

    /// <summary>1 to 128 letters, digits, ':', '-' or '_'.</summary>
    ThingName,
    NamespaceId,

    /// <summary>At most 128 upper-case letters, digits and underscores.</summary>
    ReasonCode,

    /// <summary>At most 2028 characters, no control characters.</summary>
    Comment,

    /// <summary>1 or more.</summary>
    ExecutionNumber,

    /// <summary>0 or more.</summary>
    ExpectedVersion,
}
