using System;
using System.Collections.Generic;
using IotJobs.Client;

namespace IotJobs.Connections;

/// <summary>
/// A command's connections, one per place and set of credentials its items came from, made on first
/// use and disposed with the command. A test's injected client serves every place, and stays its owner's.
/// </summary>
internal sealed class ConnectionPool : IDisposable
{
    private readonly Func<ConnectionSettings, IotJobsClientOptions, IIotJobsClient> create;
    private readonly IotJobsClientOptions options;
    private readonly bool ownsClients;
    private readonly Dictionary<string, ItemConnection> open = new Dictionary<string, ItemConnection>(
        StringComparer.Ordinal
    );

    public ConnectionPool(
        Func<ConnectionSettings, IotJobsClientOptions, IIotJobsClient> create,
        bool ownsClients,
        IotJobsClientOptions options
    )
    {
        this.options = options;
        this.create = create;
        this.ownsClients = ownsClients;
    }

    /// <summary>
    /// The connection for these settings; throws what the client's creation throws (bad profile, no region...).
    /// </summary>
    public ItemConnection For(ConnectionSettings settings)
    {
        lock (open)
        {
            if (!open.TryGetValue(settings.Key, out var connection))
            {
                connection = new ItemConnection(create(settings, options), settings, options);
                open.Add(settings.Key, connection);
            }
            return connection;
        }
    }

    public void Dispose()
    {
        lock (open)
        {
            if (ownsClients)
                foreach (var connection in open.Values)
                    connection.Client.Dispose();
            open.Clear();
        }
    }
}
