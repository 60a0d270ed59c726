using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;
using System.Text;
using IotJobs.Demo;

namespace IotJobs.Tests.Support;

/// <summary>
/// A PowerShell host that records what a user would see (text, prompts, progress) and answers
/// confirmation prompts from a script of answers: Y, A (yes to all), N, L (no to all).
/// </summary>
public sealed class TestHost : PSHost
{
    private readonly TestHostUI ui;

    /// <param name="width">Columns the host reports for formatting; 0 reports no console at all.</param>
    public TestHost(IEnumerable<string> answers, int width = 0) => ui = new TestHostUI(answers, width);

    public override string Name => "IotJobsTestHost";
    public override Version Version => new(1, 0);
    public override Guid InstanceId { get; } = Guid.NewGuid();
    public override PSHostUserInterface UI => ui;
    public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;
    public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;

    public string Text => ui.Text.ToString();
    public IReadOnlyList<string> Prompts => ui.Prompts;
    public IReadOnlyList<ProgressRecord> Progress => ui.Progress;

    public override void SetShouldExit(int exitCode) { }

    public override void EnterNestedPrompt() => throw new NotSupportedException();

    public override void ExitNestedPrompt() => throw new NotSupportedException();

    public override void NotifyBeginApplication() { }

    public override void NotifyEndApplication() { }

    private sealed class TestHostUI : PSHostUserInterface
    {
        private readonly Queue<string> answers;

        public TestHostUI(IEnumerable<string> answers, int width)
        {
            this.answers = new Queue<string>(answers);
            RawUI = width > 0 ? new FixedWidthRawUI(width) : null;
        }

        public StringBuilder Text { get; } = new();
        public List<string> Prompts { get; } = new();
        public List<ProgressRecord> Progress { get; } = new();

        public override PSHostRawUserInterface? RawUI { get; }

        public override int PromptForChoice(
            string caption,
            string message,
            Collection<ChoiceDescription> choices,
            int defaultChoice
        )
        {
            lock (Prompts)
                Prompts.Add(message);
            if (answers.Count == 0)
                throw new PSInvalidOperationException("The test host has no answer left for: " + message);
            string answer = answers.Dequeue();
            for (int i = 0; i < choices.Count; i++)
            {
                int amp = choices[i].Label.IndexOf('&');
                if (
                    amp >= 0
                    && string.Equals(choices[i].Label[amp + 1].ToString(), answer, StringComparison.OrdinalIgnoreCase)
                )
                    return i;
            }
            throw new PSInvalidOperationException($"No choice has the hot key '{answer}'.");
        }

        public override Dictionary<string, PSObject> Prompt(
            string caption,
            string message,
            Collection<FieldDescription> descriptions
        ) => throw new PSInvalidOperationException("The test host does not supply parameter values: " + message);

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
            lock (Text)
                Text.Append(value);
        }

        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) =>
            Write(value);

        public override void WriteLine(string value) => Write(value + "\n");

        public override void WriteErrorLine(string value) => Write("ERROR: " + value + "\n");

        public override void WriteDebugLine(string message) => Write("DEBUG: " + message + "\n");

        public override void WriteVerboseLine(string message) => Write("VERBOSE: " + message + "\n");

        public override void WriteWarningLine(string message) => Write("WARNING: " + message + "\n");

        public override void WriteProgress(long sourceId, ProgressRecord record)
        {
            lock (Progress)
                Progress.Add(record);
        }
    }
}
