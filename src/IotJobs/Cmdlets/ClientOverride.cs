using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using IotJobs.Client;

namespace IotJobs.Cmdlets;

/// <summary>
/// The supported test seam: a client that the cmdlets of one runspace use instead of connecting to AWS, so that
/// scripts and modules built on IotJobs can be tested without a service (see about_IotJobs, TESTING WITH A CLIENT
/// OF YOUR OWN). Keyed by runspace, not process-wide, so tests in parallel runspaces cannot see each other's.
/// From PowerShell: [IotJobs.Cmdlets.ClientOverride]::Use($client) ... [IotJobs.Cmdlets.ClientOverride]::Clear().
/// Tab completion uses it too.
/// </summary>
public static class ClientOverride
{
    private static readonly ConditionalWeakTable<Runspace, IIotJobsClient> Clients = new();

    /// <summary>
    /// Makes the current runspace's cmdlets use <paramref name="client"/>; the caller keeps ownership of it.
    /// </summary>
    public static void Use(IIotJobsClient client)
    {
        var runspace = Runspace.DefaultRunspace;
        Clients.Remove(runspace);
        Clients.Add(runspace, client);
    }

    /// <summary>The current runspace's cmdlets connect as configured again.</summary>
    public static void Clear() => Clients.Remove(Runspace.DefaultRunspace);

    internal static IIotJobsClient? ForCurrentRunspace()
    {
        var runspace = Runspace.DefaultRunspace;
        return runspace != null && Clients.TryGetValue(runspace, out var client) ? client : null;
    }
}
