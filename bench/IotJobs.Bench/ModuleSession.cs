using System.Diagnostics;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Management.Automation.Runspaces;
using IotJobs.Hosting;

namespace IotJobs.Bench;

/// <summary>
/// A runspace of this process with the built module imported and progress off, as a user's session would have it.
/// Scripts run in it untimed (setting up) or timed (what a row measures); two sessions can run at once, as two
/// runspaces of one runbook host do.
/// </summary>
internal sealed class ModuleSession : IDisposable
{
    private readonly Runspace runspace;
    private PowerShell? running;
    private Stopwatch? runningClock;
    private IAsyncResult? runningResult;

    /// <param name="endpoint">Every IotJobs command's -EndpointUrl, or null to give it in each script.</param>
    /// <param name="host">A host that answers prompts, or null for the engine's default.</param>
    public ModuleSession(Uri? endpoint = null, PSHost? host = null)
    {
        runspace =
            host == null
                ? RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2())
                : RunspaceFactory.CreateRunspace(host, InitialSessionState.CreateDefault2());
        runspace.Open();
        string defaults =
            endpoint == null ? "" : $"$PSDefaultParameterValues['*-IotJob*:EndpointUrl'] = '{endpoint}'; ";
        Run($"Import-Module '{BuiltModule.Manifest}'; {defaults}$ProgressPreference = 'SilentlyContinue'");
    }

    public void SetVariable(string name, object value) => runspace.SessionStateProxy.SetVariable(name, value);

    /// <summary>Runs a script to set up what a row then times; its errors fail the benchmark.</summary>
    public void Run(string script)
    {
        using var ps = PowerShell.Create(runspace);
        ps.AddScript(script).Invoke();
        if (ps.Streams.Error.Count > 0)
            throw new InvalidOperationException($"Setting up failed: {ps.Streams.Error[0]}");
    }

    /// <summary>The script's wall time and how many errors it wrote, with what it wrote out.</summary>
    public (double Seconds, int Errors, List<PSObject> Output) Time(string script)
    {
        using var ps = PowerShell.Create(runspace);
        ps.AddScript(script);
        var clock = Stopwatch.StartNew();
        var output = ps.Invoke().ToList();
        return (clock.Elapsed.TotalSeconds, ps.Streams.Error.Count, output);
    }

    /// <summary>Starts a script that runs beside the caller's; <see cref="Stop"/> ends it.</summary>
    public void Start(string script)
    {
        running = PowerShell.Create(runspace);
        running.AddScript(script);
        runningClock = Stopwatch.StartNew();
        runningResult = running.BeginInvoke();
    }

    /// <summary>
    /// Stops the script <see cref="Start"/> began, as Ctrl+C would, unless it has ended: whether it was still
    /// running, and for how long it ran.
    /// </summary>
    public (bool WasRunning, double Seconds) Stop()
    {
        if (running == null || runningResult == null || runningClock == null)
            throw new InvalidOperationException("Nothing was started.");
        bool wasRunning = !runningResult.IsCompleted;
        if (wasRunning)
            running.Stop();
        else
            running.EndInvoke(runningResult);
        double seconds = runningClock.Elapsed.TotalSeconds;
        running.Dispose();
        running = null;
        return (wasRunning, seconds);
    }

    public void Dispose()
    {
        running?.Dispose();
        runspace.Dispose();
    }
}
