using System;

namespace IotJobs.Cmdlets.Validation;

/// <summary>
/// Marks a parameter that names an item and can be bound from the pipeline: the cmdlet checks it against its rule
/// itself, so a bad value given on the command line ends the command before any request, and a bad value piped in
/// is that item's error, reported in its turn, while the other items go on.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ItemInputAttribute : Attribute
{
    public ItemInputAttribute(InputRule rule) => Rule = rule;

    public InputRule Rule { get; }
}
