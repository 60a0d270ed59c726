using System;
using System.Threading.Tasks;

namespace IotJobs.Cmdlets
{
    /// <summary>
    /// Reading a listing to its end off the pipeline thread (the ownership lookup, a backup's executions). The Get-
    /// cmdlets page on the pipeline thread instead, to write each page as it comes (<see cref="IotJobsCmdlet.WritePages"/>).
    /// </summary>
    internal static class Paging
    {
        /// <summary>Fetches page after page, from no token to the last page, handing each on as it arrives.</summary>
        public static async Task EachPageAsync<TPage>(
            Func<string?, Task<TPage>> fetch,
            Func<TPage, string?> nextToken,
            Action<TPage> take
        )
        {
            string? token = null;
            do
            {
                var page = await fetch(token).ConfigureAwait(false);
                take(page);
                token = nextToken(page);
            } while (!string.IsNullOrEmpty(token));
        }
    }
}
