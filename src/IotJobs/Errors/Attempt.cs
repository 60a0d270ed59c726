namespace IotJobs.Errors;

/// <summary>
/// What was attempted on which item, as an error reports it: the verb ("remove"), the item in words
/// ("job 'fw-7'") and the item itself (the error's TargetObject).
/// </summary>
internal sealed class Attempt
{
    public Attempt(string verb, string subject, object target)
    {
        Verb = verb;
        Subject = subject;
        Target = target;
    }

    public string Verb { get; }
    public string Subject { get; }
    public object Target { get; }
}
