using System.Collections.Generic;
using System.Threading.Tasks;

namespace IotJobs.Completion;

/// <summary>A read of names in flight (see <see cref="NameCache"/>).</summary>
internal sealed class PendingNames
{
    public PendingNames(Task<IReadOnlyList<string>?> names) => Names = names;

    /// <summary>Ends with the names, or with null when the read failed; it never faults.</summary>
    public Task<IReadOnlyList<string>?> Names { get; }

    /// <summary>A press has waited its whole patience for this read: the next ones do not wait for it.</summary>
    public bool KeptWaiting { get; set; }
}
