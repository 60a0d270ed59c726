using System;

namespace IotJobs.Errors;

/// <summary>
/// The module refused an item before sending anything: it is not what the cmdlet acts on (an execution given to a
/// job-level cmdlet), it is not where this command would act (another region, endpoint or account), or another
/// service owns it. <see cref="Refusal"/> names the case; the message says what was found and what to do.
/// </summary>
internal sealed class ItemRefusedException : Exception
{
    public ItemRefusedException(Refusal refusal, string reason, string advice)
        : base(reason)
    {
        Refusal = refusal;
        Advice = advice;
    }

    public Refusal Refusal { get; }

    /// <summary>The error record's id: the refusal's name.</summary>
    public string ErrorId => Refusal.ToString();

    public string Advice { get; }
}
