using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using IotJobs.Hosting;
using IotJobs.Simulator;

namespace IotJobs.Tests.Support;

/// <summary>
/// A runspace on the real PowerShell 7.6 engine with the built module (<see cref="BuiltModule"/>) imported and
/// every IotJobs cmdlet pointed at a simulator, as a user would with -EndpointUrl.
/// </summary>
public sealed class PsSession : IDisposable
{
    private readonly Runspace runspace;

    public ScriptedHost Host { get; }

    private PsSession(IotJobsSimulator? simulator, IEnumerable<string> answers, int width = 0)
    {
        Host = new ScriptedHost(
            new ScriptedHostOptions
            {
                Name = "IotJobsTestHost",
                Answers = answers,
                Width = width,
            }
        );
        runspace = RunspaceFactory.CreateRunspace(Host, InitialSessionState.CreateDefault2());
        runspace.Open();
        using var ps = PowerShell.Create(runspace);
        ps.AddScript("$PSStyle.OutputRendering = 'PlainText'").AddStatement();
        ps.AddCommand("Import-Module")
            .AddParameter("Name", BuiltModule.Manifest)
            .AddParameter("ErrorAction", "Stop")
            .Invoke();
        if (simulator != null)
        {
            SetVariable("sim", simulator);
            runspace.SessionStateProxy.SetVariable(
                "PSDefaultParameterValues",
                new System.Collections.Hashtable
                {
                    ["*-IotJob*:EndpointUrl"] = simulator.Endpoint.ToString(),
                    ["*-IotJob*:Region"] = simulator.Options.Region,
                }
            );
        }
    }

    /// <param name="answers">Answers to confirmation prompts, in order: Y, A, N or L.</param>
    public static PsSession Start(IotJobsSimulator? simulator, params string[] answers) => new(simulator, answers);

    /// <summary>
    /// A session whose host is a console <paramref name="width"/> columns wide, for what Out-Default renders.
    /// </summary>
    public static PsSession StartWide(IotJobsSimulator? simulator, int width) => new(simulator, [], width);

    public void SetVariable(string name, object value) => runspace.SessionStateProxy.SetVariable(name, value);

    /// <summary>What Tab offers with the cursor at the end of <paramref name="input"/>.</summary>
    public CommandCompletion Complete(string input)
    {
        using var ps = PowerShell.Create(runspace);
        return CommandCompletion.CompleteInput(input, input.Length, null, ps);
    }

    /// <summary>Runs a script and returns its objects.</summary>
    public PsResult Run(string script) => Invoke(script, render: false);

    /// <summary>Runs a script through Out-Default, as a console shows it; the text is in HostText.</summary>
    public PsResult Render(string script) => Invoke(script, render: true);

    /// <summary>Starts a script without waiting; Stop() is what Ctrl+C does to the running pipeline.</summary>
    public RunningScript Begin(string script)
    {
        var ps = PowerShell.Create(runspace);
        ps.AddScript(script);
        var output = new PSDataCollection<PSObject>();
        var done = Task.Factory.FromAsync(ps.BeginInvoke<PSObject, PSObject>(null, output), _ => { });
        return new RunningScript(ps, output, done);
    }

    private PsResult Invoke(string script, bool render)
    {
        using var ps = PowerShell.Create(runspace);
        ps.AddScript(script);
        if (render)
            ps.AddCommand("Out-Default");
        Collection<PSObject> output;
        try
        {
            output = ps.Invoke();
        }
        catch (RuntimeException e)
        {
            return new PsResult(
                new Collection<PSObject>(),
                [.. ps.Streams.Error, e.ErrorRecord],
                Host.Text,
                Host.Prompts,
                true
            );
        }
        return new PsResult(output, ps.Streams.Error.ToList(), Host.Text, Host.Prompts, ps.HadErrors);
    }

    public void Dispose() => runspace.Dispose();
}
