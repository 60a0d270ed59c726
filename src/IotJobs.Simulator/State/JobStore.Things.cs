namespace IotJobs.Simulator.State;

/// <summary>
/// The registry's things, as far as the simulator knows them: those seeded, those with an execution of a job, and
/// those a job targets by ARN. They have no thing type and no attributes.
/// </summary>
public sealed partial class JobStore
{
    private readonly SortedSet<string> seededThings = new(StringComparer.Ordinal);

    /// <summary>Adds a thing to the registry, whether or not any job reaches it.</summary>
    public void AddThing(string thingName)
    {
        lock (gate)
            seededThings.Add(thingName);
    }

    /// <summary>One page of the things' names, in order; a filter on a type or an attribute matches none.</summary>
    internal Page<string> ListThings(bool filtered, string? afterKey, int pageSize)
    {
        lock (gate)
        {
            Advance();
            if (filtered)
                return new Page<string>([], null);
            var known = new SortedSet<string>(seededThings, StringComparer.Ordinal);
            foreach (var job in jobs.Values)
            {
                known.UnionWith(job.Executions.Keys);
                known.UnionWith((job.Targets ?? []).Select(ThingNameOf).OfType<string>());
            }
            return Page<string>.Take(known, name => name, afterKey, pageSize);
        }
    }
}
