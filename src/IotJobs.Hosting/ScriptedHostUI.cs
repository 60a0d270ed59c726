using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;

namespace IotJobs.Hosting;

/// <summary>
/// The user interface of <see cref="ScriptedHost"/>. The engine writes to it from the pipeline thread and, for
/// progress, from others, so what it records is kept under a lock.
/// </summary>
internal sealed class ScriptedHostUI : PSHostUserInterface
{
    // Table headers carry ANSI styling whatever OutputRendering says; a plain transcript reads better.
    private static readonly Regex Ansi = new("\u001b\\[[0-9;]*m");

    private readonly ScriptedHostOptions options;
    private readonly Queue<string> answers;
    private readonly object gate = new();
    private readonly StringBuilder text = new();
    private readonly List<string> prompts = [];
    private readonly List<ProgressRecord> progress = [];
    private string? lastShownOperation;

    public ScriptedHostUI(ScriptedHostOptions options)
    {
        this.options = options;
        answers = new Queue<string>(options.Answers);
        RawUI = options.Width > 0 ? new FixedWidthRawUI(options.Width) : null;
    }

    public override PSHostRawUserInterface? RawUI { get; }

    public string Text
    {
        get
        {
            lock (gate)
                return text.ToString();
        }
    }

    public IReadOnlyList<string> Prompts
    {
        get
        {
            lock (gate)
                return prompts.ToArray();
        }
    }

    public IReadOnlyList<ProgressRecord> Progress
    {
        get
        {
            lock (gate)
                return progress.ToArray();
        }
    }

    public override int PromptForChoice(
        string caption,
        string message,
        Collection<ChoiceDescription> choices,
        int defaultChoice
    )
    {
        string? answer;
        lock (gate)
        {
            prompts.Add(message);
            answer = answers.Count > 0 ? answers.Dequeue() : options.DefaultAnswer;
        }
        if (answer == null)
            throw new PSInvalidOperationException("The host has no answer left for: " + message);
        for (int i = 0; i < choices.Count; i++)
        {
            string label = choices[i].Label;
            int amp = label.IndexOf('&');
            if (
                amp >= 0
                && amp + 1 < label.Length
                && string.Equals(label.Substring(amp + 1, 1), answer, StringComparison.OrdinalIgnoreCase)
            )
                return i;
        }
        throw new PSInvalidOperationException($"No choice has the hot key '{answer}'.");
    }

    public override Dictionary<string, PSObject> Prompt(
        string caption,
        string message,
        Collection<FieldDescription> descriptions
    ) => throw new PSInvalidOperationException("The host does not supply parameter values: " + message);

    public override PSCredential PromptForCredential(
        string caption,
        string message,
        string userName,
        string targetName
    ) => throw new NotSupportedException();

    public override PSCredential PromptForCredential(
        string caption,
        string message,
        string userName,
        string targetName,
        PSCredentialTypes allowedCredentialTypes,
        PSCredentialUIOptions options
    ) => throw new NotSupportedException();

    public override string ReadLine() => throw new NotSupportedException();

    public override SecureString ReadLineAsSecureString() => throw new NotSupportedException();

    public override void Write(string value)
    {
        Record(value);
        if (options.EchoToConsole)
            Console.Write(Ansi.Replace(value, ""));
    }

    public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) =>
        Write(value);

    public override void WriteLine(string value)
    {
        Record(value + "\n");
        if (options.EchoToConsole)
            Console.WriteLine(Wrapped(Ansi.Replace(value, "")));
    }

    public override void WriteErrorLine(string value) => WriteLine("ERROR: " + value);

    public override void WriteDebugLine(string message) => WriteLine("DEBUG: " + message);

    public override void WriteVerboseLine(string message) => WriteLine("VERBOSE: " + message);

    public override void WriteWarningLine(string message) => WriteLine("WARNING: " + message);

    /// <summary>
    /// Recorded whole; shown as a console shows a progress bar in text: a line when its operation changes.
    /// </summary>
    public override void WriteProgress(long sourceId, ProgressRecord record)
    {
        bool show;
        lock (gate)
        {
            progress.Add(record);
            show =
                options.EchoToConsole
                && record.RecordType == ProgressRecordType.Processing
                && record.CurrentOperation != lastShownOperation;
            if (show)
                lastShownOperation = record.CurrentOperation;
        }
        if (show)
            Console.WriteLine(Wrapped($"  [{record.Activity}: {record.StatusDescription}] {record.CurrentOperation}"));
    }

    private void Record(string value)
    {
        lock (gate)
            text.Append(value);
    }

    /// <summary>
    /// Each line broken at spaces into lines of at most <see cref="ScriptedHostOptions.Width"/> columns,
    /// continued indented, as a console would wrap them (What-if lines, errors, verbose lines).
    /// </summary>
    private string Wrapped(string value) =>
        options.Width <= 0 ? value : string.Join(Environment.NewLine, value.Split('\n').Select(WrapLine));

    private string WrapLine(string line)
    {
        int width = options.Width;
        line = line.TrimEnd('\r');
        if (line.Length <= width)
            return line;
        string indent = line[..(line.Length - line.TrimStart(' ').Length)];
        var lines = new List<string>();
        var current = new StringBuilder(indent);
        foreach (var word in line.TrimStart(' ').Split(' '))
        {
            if (current.Length > indent.Length && current.Length + 1 + word.Length > width)
            {
                lines.Add(current.ToString());
                current.Clear().Append(indent).Append("    ");
            }
            else if (current.Length > indent.Length && !current.ToString().EndsWith("    ", StringComparison.Ordinal))
            {
                current.Append(' ');
            }
            current.Append(word);
        }
        lines.Add(current.ToString());
        return string.Join(Environment.NewLine, lines);
    }
}
