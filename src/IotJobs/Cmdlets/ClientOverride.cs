using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using IotJobs.Client;

namespace IotJobs.Cmdlets
{
    /// <summary>
    /// Test seam: a client that the cmdlets of one runspace use instead of connecting to AWS.
    /// Keyed by runspace, not process-wide, so tests in parallel runspaces cannot see each other's.
    /// From PowerShell: [IotJobs.Cmdlets.ClientOverride]::Use($client) ... ::Clear().
    /// </summary>
    public static class ClientOverride
    {
        private static readonly ConditionalWeakTable<Runspace, IIotJobsClient> Clients =
            new ConditionalWeakTable<Runspace, IIotJobsClient>();

        /// <summary>Makes the current runspace's cmdlets use <paramref name="client"/>; the caller keeps ownership of it.</summary>
        public static void Use(IIotJobsClient client)
        {
            var runspace = Runspace.DefaultRunspace;
            Clients.Remove(runspace);
            Clients.Add(runspace, client);
        }

        public static void Clear() => Clients.Remove(Runspace.DefaultRunspace);

        internal static IIotJobsClient? ForCurrentRunspace()
        {
            var runspace = Runspace.DefaultRunspace;
            return runspace != null && Clients.TryGetValue(runspace, out var client) ? client : null;
        }
    }
}
