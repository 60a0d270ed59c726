using System;
using System.Threading.Tasks;

namespace IotJobs.Cmdlets;

/// <summary>Follows nextToken from the first page to the last: the one loop that does, for every listing.</summary>
internal static class Paging
{
    /// <summary>Fetches page after page, handing each on as it arrives; <paramref name="take"/> returns false to stop.</summary>
    public static async Task EachPageAsync<TPage>(
        Func<string?, Task<TPage>> fetch,
        Func<TPage, string?> nextToken,
        Func<TPage, bool> take
    )
    {
        string? token = null;
        do
        {
            var page = await fetch(token).ConfigureAwait(false);
            if (!take(page))
                return;
            token = nextToken(page);
        } while (!string.IsNullOrEmpty(token));
    }
}
