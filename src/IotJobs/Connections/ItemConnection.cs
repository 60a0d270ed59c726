using IotJobs.Client;

namespace IotJobs.Connections;

/// <summary>One connection of a command: the client, where it goes, and the settings it was made from.</summary>
internal sealed class ItemConnection
{
    public ItemConnection(IIotJobsClient client, ConnectionSettings settings, IotJobsClientOptions options)
    {
        Client = client;
        Settings = settings;
        Options = options;
    }

    public IIotJobsClient Client { get; }

    public ConnectionSettings Settings { get; }

    /// <summary>The command's clock, waits and limits, shared by its clients and its deletion schedulers.</summary>
    public IotJobsClientOptions Options { get; }

    public ServiceLocation Location => Client.Location;
}
