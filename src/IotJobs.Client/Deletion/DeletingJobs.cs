using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using IotJobs.Client.Model;

namespace IotJobs.Client
{
    /// <summary>The account's jobs in DELETION_IN_PROGRESS, ours and others', as the service lists them.</summary>
    internal static class DeletingJobs
    {
        public static async Task<HashSet<string>> ListAsync(IIotJobsClient client, CancellationToken cancellation)
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            await Paging
                .EachPageAsync(
                    token =>
                        client.ListJobsAsync(
                            new ListJobsRequest
                            {
                                Status = "DELETION_IN_PROGRESS",
                                MaxResults = Paging.PageSize,
                                NextToken = token,
                            },
                            cancellation
                        ),
                    page => page.NextToken,
                    page =>
                    {
                        foreach (var job in page.Jobs)
                            ids.Add(job.JobId ?? "");
                        return true;
                    }
                )
                .ConfigureAwait(false);
            return ids;
        }
    }
}
