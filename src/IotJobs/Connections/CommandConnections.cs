using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotJobs.Client;
using IotJobs.Errors;
using IotJobs.Items;

namespace IotJobs.Connections;

/// <summary>
/// A command's connections: its own (for strings, plain objects and listings) and one for each place piped items
/// were found, made on first use and disposed with the command; and the rules that send an item where it was
/// found, refusing, with nothing sent, an item this command cannot act on where it is.
/// </summary>
internal sealed class CommandConnections : IDisposable
{
    private readonly IReadOnlyList<ConnectionSettings> places;
    private readonly ConnectionPool pool;

    /// <param name="places">The places the command was given (one, unless a listing was given several).</param>
    public CommandConnections(
        IReadOnlyList<ConnectionSettings> places,
        Func<ConnectionSettings, IotJobsClientOptions, IIotJobsClient> create,
        bool ownsClients
    )
    {
        this.places = places;
        pool = new ConnectionPool(create, ownsClients, Options);
    }

    /// <summary>The places the command was given: a listing reads each (-Region a,b -ProfileName p,q).</summary>
    public IReadOnlyList<ConnectionSettings> Places => places;

    /// <summary>
    /// The connection of one of <see cref="Places"/>; throws what <see cref="ClientFactory.IsSettingsFailure"/> names.
    /// </summary>
    public ItemConnection To(ConnectionSettings place) => pool.For(place);

    private ConnectionSettings Settings => places[0];

    /// <summary>
    /// The command's clock, waits and limits: today's defaults, with the process-wide request pacing.
    /// </summary>
    public IotJobsClientOptions Options { get; } = new();

    /// <summary>
    /// The command's own connection; throws what <see cref="ClientFactory.IsSettingsFailure"/> names.
    /// </summary>
    public ItemConnection Own => pool.For(Settings);

    /// <summary>
    /// The connection for an item: where a piped module object was found, else the command's own. Refuses an
    /// explicit -Region or -EndpointUrl that contradicts where the item was found, and a plain object that names
    /// another region or endpoint than the command's.
    /// </summary>
    public ItemConnection For(PipedItem? piped)
    {
        var live = piped?.Live;
        var settings = Settings;
        if (live?.Region != null && live.EndpointUrl != null)
        {
            if (settings.RegionGiven && RegionGiven(live.Region) is not ConnectionSettings given)
                throw Refusals.Region(live.Region, string.Join(",", places.Select(p => p.Region).Distinct()));
            if (settings.EndpointGiven && !ConnectionSettings.SameEndpoint(settings.EndpointUrl!, live.EndpointUrl))
                throw Refusals.Endpoint(live.EndpointUrl, settings.EndpointUrl!);
            return pool.For((RegionGiven(live.Region) ?? settings).At(live));
        }
        // A plain object may claim a region: one of the places given, else the command's own.
        if (piped?.Region != null && places.Count > 1 && RegionGiven(piped.Region) is ConnectionSettings claimed)
            return pool.For(claimed);
        var own = Own;
        if (
            piped?.Region != null
            && !string.Equals(piped.Region, own.Location.Region, StringComparison.OrdinalIgnoreCase)
        )
            throw Refusals.ClaimedPlace(region: true, piped.Region, own.Location);
        if (piped?.EndpointUrl != null && !ConnectionSettings.SameEndpoint(piped.EndpointUrl, own.Location.EndpointUrl))
            throw Refusals.ClaimedPlace(region: false, piped.EndpointUrl, own.Location);
        return own;
    }

    /// <summary>
    /// Refuses an item whose account is not the one this connection's credentials belong to. A module object read
    /// with the same credentials is in their account already; otherwise the account is asked of STS, once per
    /// connection.
    /// </summary>
    public static async Task CheckAccountAsync(
        PipedItem? piped,
        ItemConnection connection,
        CancellationToken cancellation
    )
    {
        if (piped?.AccountId == null)
            return;
        if (piped.Live != null && piped.Live.CredentialSource == connection.Settings.CredentialSource)
            return;
        string caller;
        try
        {
            caller = await connection.Client.GetCallerAccountAsync(cancellation).ConfigureAwait(false);
        }
        catch (Exception e) when (ServiceFailure.IsCallFailure(e) && !cancellation.IsCancellationRequested)
        {
            throw Refusals.AccountUnknown(piped.AccountId, ServiceText.Safe(e.Message));
        }
        if (caller != piped.AccountId)
            throw Refusals.Account(piped.AccountId, caller, piped.Live?.ProfileName);
    }

    /// <summary>The place given for a region, when regions were given and one is it.</summary>
    private ConnectionSettings? RegionGiven(string region) =>
        places.FirstOrDefault(p =>
            p.RegionGiven && string.Equals(p.Region, region, StringComparison.OrdinalIgnoreCase)
        );

    public void Dispose() => pool.Dispose();
}
