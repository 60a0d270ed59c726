namespace IotJobs.Hosting;

/// <summary>
/// What a <see cref="ScriptedHost"/> answers, how wide a console it reports, and where it shows text.
/// </summary>
public sealed class ScriptedHostOptions
{
    /// <summary>The host's name, as $Host.Name shows it.</summary>
    public string Name { get; init; } = "IotJobsHost";

    /// <summary>Answers to confirmation prompts, in order, by hot key: Y, A (yes to all), N, L (no to all).</summary>
    public IEnumerable<string> Answers { get; init; } = [];

    /// <summary>
    /// The hot key that answers every prompt once <see cref="Answers"/> are used up. Null makes such a prompt
    /// an error, so an unexpected prompt fails a run instead of being waved through.
    /// </summary>
    public string? DefaultAnswer { get; init; }

    /// <summary>
    /// Columns of the console the host reports, which Out-Default lays tables out to; 0 reports none.
    /// </summary>
    public int Width { get; init; }

    /// <summary>
    /// Also shows everything on the real console, as a terminal of <see cref="Width"/> columns would: plain text,
    /// long lines broken at a word, progress as a line each time its operation changes.
    /// </summary>
    public bool EchoToConsole { get; init; }
}
