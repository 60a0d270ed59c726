using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace IotJobs.Connections;

/// <summary>
/// The accounts a command's connections sign as (STS GetCallerIdentity), asked at most once per connection, for
/// listings that name no ARN. Null when it cannot be learned (STS unreachable): what would carry it stays blank.
/// </summary>
internal sealed class CallerAccounts
{
    private readonly ConcurrentDictionary<ItemConnection, Task<string?>> asked = new();

    public Task<string?> OfAsync(ItemConnection connection, CancellationToken cancellation) =>
        asked.GetOrAdd(connection, c =>
            c.Client.GetCallerAccountAsync(cancellation)
                .ContinueWith(t => t.Exception == null && !t.IsCanceled ? t.Result : null, TaskScheduler.Default)
        );
}
