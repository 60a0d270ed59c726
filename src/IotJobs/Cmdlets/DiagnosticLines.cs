using System;
using System.Collections;
using System.Management.Automation;

namespace IotJobs.Cmdlets;

/// <summary>
/// Where a command's lines about its requests go: -Verbose's one short line per request (and what the command waits
/// for), -Debug's line per attempt and per retry, wait or look. Decided once per command, so that neither ever asks
/// "Continue with this operation?": these lines report, they are not breakpoints. The engine would ask before each
/// verbose line under -Debug (it makes the verbose preference Inquire), and before each debug line under Windows
/// PowerShell's -Debug or a $DebugPreference of Inquire (5.1 sets it so in an advanced function called with -Debug).
/// </summary>
internal sealed class DiagnosticLines
{
    private readonly PSCmdlet cmdlet;
    private readonly Way verbose;
    private readonly Way debug;

    private DiagnosticLines(PSCmdlet cmdlet, Way verbose, Way debug)
    {
        this.cmdlet = cmdlet;
        this.verbose = verbose;
        this.debug = debug;
    }

    /// <summary>How a line is written.</summary>
    internal enum Way
    {
        /// <summary>Not at all: nobody asked for it.</summary>
        Off,

        /// <summary>To its stream (WriteVerbose, WriteDebug), where the engine shows it without asking.</summary>
        Stream,

        /// <summary>Straight to the host, as the engine shows it, where writing it to its stream would ask.</summary>
        Host,
    }

    public bool WantsVerbose => verbose != Way.Off;

    public bool WantsDebug => debug != Way.Off;

    /// <summary>The lines the command's -Verbose, -Debug and preferences ask for.</summary>
    public static DiagnosticLines For(PSCmdlet cmdlet)
    {
        var bound = cmdlet.MyInvocation.BoundParameters;
        bool? verboseSwitch = Switch(bound, "Verbose");
        bool? debugSwitch = Switch(bound, "Debug");
        bool desktop =
            cmdlet.SessionState.PSVariable.GetValue("PSVersionTable") is Hashtable table
            && "Desktop".Equals(table["PSEdition"] as string, StringComparison.OrdinalIgnoreCase);
        return new DiagnosticLines(
            cmdlet,
            VerboseWay(verboseSwitch, debugSwitch, Preference(cmdlet, "VerbosePreference")),
            DebugWay(debugSwitch, Preference(cmdlet, "DebugPreference"), desktop)
        );
    }

    /// <summary>
    /// -Verbose as given; under -Debug alone, none (the debug lines say all a verbose line says, and the engine
    /// would ask before each verbose line); else $VerbosePreference, written to the host where it is Inquire.
    /// </summary>
    internal static Way VerboseWay(bool? verboseSwitch, bool? debugSwitch, ActionPreference preference) =>
        verboseSwitch is bool given ? (given ? Way.Stream : Way.Off)
        : debugSwitch == true ? Way.Off
        : ByPreference(preference);

    /// <summary>
    /// -Debug as given: to the stream in PowerShell 7, where it means Continue; to the host in Windows PowerShell,
    /// where it means Inquire. Without it, $DebugPreference, written to the host where it is Inquire.
    /// </summary>
    internal static Way DebugWay(bool? debugSwitch, ActionPreference preference, bool desktop) =>
        debugSwitch is bool given
            ? (
                !given ? Way.Off
                : desktop ? Way.Host
                : Way.Stream
            )
            : ByPreference(preference);

    public void Verbose(string line)
    {
        if (verbose == Way.Stream)
            cmdlet.WriteVerbose(line);
        else if (verbose == Way.Host)
            cmdlet.Host.UI.WriteVerboseLine(line);
    }

    public void Debug(string line)
    {
        if (debug == Way.Stream)
            cmdlet.WriteDebug(line);
        else if (debug == Way.Host)
            cmdlet.Host.UI.WriteDebugLine(line);
    }

    private static Way ByPreference(ActionPreference preference) =>
        preference switch
        {
            ActionPreference.SilentlyContinue or ActionPreference.Ignore => Way.Off,
            ActionPreference.Inquire => Way.Host,
            _ => Way.Stream,
        };

    private static bool? Switch(System.Collections.Generic.IDictionary<string, object> bound, string name) =>
        bound.TryGetValue(name, out var value) ? LanguagePrimitives.IsTrue(value) : null;

    private static ActionPreference Preference(PSCmdlet cmdlet, string variable) =>
        cmdlet.GetVariableValue(variable) switch
        {
            ActionPreference preference => preference,
            var other when Enum.TryParse(other?.ToString(), true, out ActionPreference parsed) => parsed,
            _ => ActionPreference.SilentlyContinue,
        };
}
