using IotJobs.Client;

namespace IotJobs.Connections;

/// <summary>One connection of a command: the client, where it goes, and the settings it was made from.</summary>
internal sealed class ItemConnection
{
    public ItemConnection(IIotJobsClient client, ConnectionSettings settings)
    {
        Client = client;
        Settings = settings;
    }

    public IIotJobsClient Client { get; }

    public ConnectionSettings Settings { get; }

    public ServiceLocation Location => Client.Location;
}
