using System.Collections.ObjectModel;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using IotJobs.Hosting;
using IotJobs.Simulator;

namespace IotJobs.Tests.Support;

/// <summary>What one script run produced: objects, errors, and what the host showed.</summary>
public sealed record PsResult(
    Collection<PSObject> Output,
    IReadOnlyList<ErrorRecord> Errors,
    string HostText,
    IReadOnlyList<string> Prompts,
    bool HadErrors
)
{
    public IEnumerable<T> Objects<T>() => Output.Select(o => o.BaseObject).OfType<T>();
}
