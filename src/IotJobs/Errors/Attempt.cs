namespace IotJobs.Errors;

/// <summary>
/// What was attempted on which item, as an error reports it: the verb ("remove"), the item in words
/// ("job 'fw-7'"), the item itself (the error's TargetObject), and whether -Force was given.
/// </summary>
internal sealed class Attempt
{
    public Attempt(string verb, string subject, object target, bool forced)
    {
        Verb = verb;
        Subject = subject;
        Target = target;
        Forced = forced;
    }

    public string Verb { get; }
    public string Subject { get; }
    public object Target { get; }
    public bool Forced { get; }
}
