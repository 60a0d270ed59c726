using System.Management.Automation;

namespace IotJobs.Cmdlets.Validation;

/// <summary>
/// Refuses, in parameter binding, a value the service would refuse, saying what a valid value looks like (from
/// <see cref="InputRules"/>). For parameters given on the command line only; values that can come from the pipeline
/// are checked per item by the cmdlet instead (<see cref="ItemInputAttribute"/>), so their errors are the item's.
/// </summary>
public abstract class PatternValidationAttribute : ValidateArgumentsAttribute
{
    private readonly InputRule rule;

    private protected PatternValidationAttribute(InputRule rule) => this.rule = rule;

    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        if (InputRules.Problem(rule, arguments, "this command") is string problem)
            throw new ValidationMetadataException(problem);
    }
}
