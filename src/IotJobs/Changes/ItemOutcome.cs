using System;
using IotJobs.Errors;

namespace IotJobs.Changes;

/// <summary>How one item's requests ended: their result, or their failure and the module's account of it.</summary>
internal sealed class ItemOutcome
{
    public ItemOutcome(ItemWork work, object? result, Exception? failure, Explanation? explanation)
    {
        Work = work;
        Result = result;
        Failure = failure;
        Explanation = explanation;
    }

    public ItemWork Work { get; }
    public object? Result { get; }
    public Exception? Failure { get; }
    public Explanation? Explanation { get; }
}
