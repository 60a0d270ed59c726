using System;
using System.Threading.Tasks;

namespace IotJobs.Client
{
    /// <summary>The one loop that follows a listing's nextToken from page to page.</summary>
    public static class Paging
    {
        /// <summary>The service's largest page (maxResults) for every listing: the fewest requests per item.</summary>
        public const int PageSize = 250;

        /// <summary>
        /// Fetches page after page, from no token on, handing each to <paramref name="take"/> as it arrives. A page
        /// with no token (null or empty) is the last; <paramref name="take"/> returns false to stop before it.
        /// </summary>
        public static async Task EachPageAsync<TPage>(
            Func<string?, Task<TPage>> fetch,
            Func<TPage, string?> nextToken,
            Func<TPage, bool> take
        )
        {
            if (fetch == null)
                throw new ArgumentNullException(nameof(fetch));
            if (nextToken == null)
                throw new ArgumentNullException(nameof(nextToken));
            if (take == null)
                throw new ArgumentNullException(nameof(take));
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
}
