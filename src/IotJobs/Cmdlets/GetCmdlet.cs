using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IotJobs.Connections;
using IotJobs.Errors;
using IotJobs.Items;
using IotJobs.Output;

namespace IotJobs.Cmdlets;

/// <summary>
/// The Get- cmdlets: they read one place or several at once (-Region us-east-1,eu-west-1 -ProfileName prod,staging),
/// writing each object as soon as its page arrives, each stamped with where it was found. A place that fails is that
/// place's error, said once, and the others go on.
/// </summary>
public abstract class GetCmdlet : IotJobsCmdlet
{
    /// <summary>
    /// One region or several, read at once. Default: where a piped item was found, else AWS_REGION, then the
    /// profile's region.
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? Region { get; set; }

    /// <summary>
    /// One profile or several of the shared AWS config and credentials files, read at once (with each region given).
    /// Default: the profile a piped item was read with, else AWS_PROFILE, then "default".
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? ProfileName { get; set; }

    /// <summary>
    /// Reads where the item or listing is: the place a piped object names, else every place given, at once, each by
    /// <paramref name="read"/> off the pipeline thread. <paramref name="read"/> says its own failures; the flag it is
    /// given is false when there are several places, so that no place's failure ends the command.
    /// </summary>
    /// <param name="what">What is read, for the error of a place that cannot be reached: "list jobs".</param>
    /// <returns>True when several places were read.</returns>
    private protected bool ReadEach(
        PipedItem? piped,
        string what,
        Func<ItemConnection, bool, CancellationToken, Task> read
    )
    {
        var places = Connections.Places;
        if (places.Count == 1 || piped?.Live != null || piped?.Region != null)
        {
            ItemConnection connection;
            try
            {
                connection = ConnectionFor(piped);
            }
            catch (ItemRefusedException e)
            {
                WriteItemError(e, new Attempt(what, "from the input", piped?.Input ?? (object)what));
                return false;
            }
            Work.Together(new Func<CancellationToken, Task>[] { ct => read(connection, true, ct) });
            return false;
        }
        Work.Together(places.Select(place => (Func<CancellationToken, Task>)(ct => ReadPlaceAsync(place))).ToList());
        return true;

        Task ReadPlaceAsync(ConnectionSettings place)
        {
            ItemConnection connection;
            try
            {
                connection = Connections.To(place);
            }
            catch (Exception e) when (ClientFactory.IsSettingsFailure(e))
            {
                var attempt = new Attempt(what, PlaceOf(place), PlaceOf(place));
                Work.Post(() => WriteItemError(e, attempt, mayEnd: false));
                return Task.CompletedTask;
            }
            return read(connection, false, Work.Cancellation);
        }
    }

    /// <summary>
    /// Off the pipeline thread: runs one read of a place, posting what it gives and, if it fails, its error (that
    /// place's alone when <paramref name="mayEnd"/> is false).
    /// </summary>
    private protected async Task ReadAsync(Func<Task> read, Attempt attempt, bool mayEnd)
    {
        try
        {
            await read().ConfigureAwait(false);
        }
        catch (Exception e) when (ErrorMapper.IsItemFailure(e) && !Work.Cancellation.IsCancellationRequested)
        {
            Work.Post(() => WriteItemError(e, attempt, mayEnd));
        }
    }

    /// <summary>"in eu-west-1 with profile staging": which of several places an error is about.</summary>
    private protected static string PlaceOf(ConnectionSettings place) =>
        $"in {place.Region ?? "the default region"}"
        + (place.ProfileName == null ? "" : $" with profile {place.ProfileName}");

    private protected static string PlaceOf(ItemConnection connection) =>
        Words.Place(connection.Location.Region, connection.Location.EndpointUrl)
        + (connection.Settings.ProfileName == null ? "" : $" with profile {connection.Settings.ProfileName}");
}
