using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using IotJobs.Hosting;
using IotJobs.Simulator;

namespace IotJobs.Tests.Support;

/// <summary>A script started with <see cref="PsSession.Begin"/>.</summary>
public sealed class RunningScript(PowerShell ps, PSDataCollection<PSObject> output, Task done) : IDisposable
{
    /// <summary>Objects written so far, including those written before a stop.</summary>
    public IReadOnlyList<PSObject> Output => output.ToList();

    public PSInvocationState State => ps.InvocationStateInfo.State;

    public void Stop() => ps.BeginStop(null, null);

    /// <summary>True when the script ended (however) within <paramref name="limit"/>.</summary>
    public async Task<bool> EndedWithin(TimeSpan limit) => await Task.WhenAny(done, Task.Delay(limit)) == done;

    public void Dispose() => ps.Dispose();
}
