namespace IotJobs.Simulator.State;

/// <summary>
/// One page of a list. Paging continues after the last key returned, so items added or deleted
/// between pages neither repeat nor shift the rest.
/// </summary>
internal sealed record Page<T>(IReadOnlyList<T> Items, string? LastKey)
{
    public static Page<T> Take(IEnumerable<T> ordered, Func<T, string> key, string? afterKey, int pageSize)
    {
        var rest = afterKey is null ? ordered : ordered.Where(x => string.CompareOrdinal(key(x), afterKey) > 0);
        var items = rest.Take(pageSize + 1).ToList();
        bool more = items.Count > pageSize;
        if (more)
            items.RemoveAt(pageSize);
        return new Page<T>(items, more ? key(items[^1]) : null);
    }
}
