using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

/// <summary>A host that answers every confirmation prompt "Yes" and shows nothing: for counting what a prompted run sends.</summary>
internal sealed class YesHost : PSHost
{
    private readonly YesUI ui = new();

    public override string Name => "IotJobsBench";
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

    private sealed class YesUI : PSHostUserInterface
    {
        public override PSHostRawUserInterface? RawUI => null;

        public override int PromptForChoice(
            string caption,
            string message,
            Collection<ChoiceDescription> choices,
            int defaultChoice
        ) => choices.ToList().FindIndex(c => c.Label.Replace("&", "") == "Yes");

        public override Dictionary<string, PSObject> Prompt(
            string caption,
            string message,
            Collection<FieldDescription> descriptions
        ) => throw new NotSupportedException();

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

        public override void Write(string value) { }

        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) { }

        public override void WriteLine(string value) { }

        public override void WriteErrorLine(string value) { }

        public override void WriteDebugLine(string message) { }

        public override void WriteVerboseLine(string message) { }

        public override void WriteWarningLine(string message) { }

        public override void WriteProgress(long sourceId, ProgressRecord record) { }
    }
}
