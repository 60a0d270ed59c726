using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace IotJobs.Demo;

/// <summary>
/// A minimal non-interactive console host, 80 columns wide, for the scripted tour: tables are laid out for
/// 80 columns, and longer lines (What-if lines, errors, verbose lines) wrap at a word, as a console would.
/// </summary>
internal sealed class ConsoleHost : PSHost
{
    private const int Width = 80;
    private readonly ConsoleUI ui = new();

    /// <summary>Each line of <paramref name="text"/> broken at spaces into lines of at most 80 columns, continued indented.</summary>
    internal static string Wrapped(string text) => string.Join(Environment.NewLine, text.Split('\n').Select(WrapLine));

    private static string WrapLine(string line)
    {
        line = line.TrimEnd('\r');
        if (line.Length <= Width)
            return line;
        string indent = line[..(line.Length - line.TrimStart(' ').Length)];
        var lines = new List<string>();
        var current = new System.Text.StringBuilder(indent);
        foreach (var word in line.TrimStart(' ').Split(' '))
        {
            if (current.Length > indent.Length && current.Length + 1 + word.Length > Width)
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

    public override string Name => "IotJobsDemo";
    public override Version Version => new(1, 0);
    public override Guid InstanceId { get; } = Guid.NewGuid();
    public override PSHostUserInterface UI => ui;
    public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;
    public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;

    public override void SetShouldExit(int exitCode) { }

    public override void EnterNestedPrompt() => throw new NotSupportedException();

    public override void ExitNestedPrompt() => throw new NotSupportedException();

    public override void NotifyBeginApplication() { }

    public override void NotifyEndApplication() { }

    private sealed class ConsoleUI : PSHostUserInterface
    {
        public override PSHostRawUserInterface RawUI { get; } = new FixedWidthRawUI(Width);

        public override int PromptForChoice(
            string caption,
            string message,
            Collection<ChoiceDescription> choices,
            int defaultChoice
        ) => throw new PSInvalidOperationException("The demo runs unattended and answers no prompts: " + message);

        public override Dictionary<string, PSObject> Prompt(
            string caption,
            string message,
            Collection<FieldDescription> descriptions
        ) => throw new PSInvalidOperationException("The demo runs unattended: " + message);

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

        // Table headers carry ANSI styling whatever OutputRendering says; a plain transcript reads better.
        private static readonly System.Text.RegularExpressions.Regex Ansi = new("\u001b\\[[0-9;]*m");

        public override void Write(string value) => Console.Write(Ansi.Replace(value, ""));

        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) =>
            Write(value);

        public override void WriteLine(string value) => Console.WriteLine(ConsoleHost.Wrapped(Ansi.Replace(value, "")));

        public override void WriteErrorLine(string value) => Console.WriteLine(ConsoleHost.Wrapped(value));

        public override void WriteDebugLine(string message) => WriteLine("DEBUG: " + message);

        public override void WriteVerboseLine(string message) => WriteLine("VERBOSE: " + message);

        public override void WriteWarningLine(string message) => WriteLine("WARNING: " + message);

        private string? lastProgress;

        /// <summary>The progress bar, as text: a line each time its current operation changes.</summary>
        public override void WriteProgress(long sourceId, ProgressRecord record)
        {
            if (record.RecordType != ProgressRecordType.Processing || record.CurrentOperation == lastProgress)
                return;
            lastProgress = record.CurrentOperation;
            Console.WriteLine(
                ConsoleHost.Wrapped($"  [{record.Activity}: {record.StatusDescription}] {record.CurrentOperation}")
            );
        }
    }
}
