using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotJobs.Client;
using IotJobs.Client.Model;
using IotJobs.Cmdlets.Connection;
using IotJobs.Cmdlets.Items;
using IotJobs.Model;

namespace IotJobs.Cmdlets.Rules
{
    /// <summary>
    /// Jobs other services created, and which they expect to manage themselves: an OTA update's job
    /// (AFR_OTA-&lt;otaUpdateId&gt;) and a Greengrass deployment's job (a job in a namespace: namespaces are
    /// Greengrass's; its deployments' jobs are in "aws-gg-deployment"). Changing them behind their owner's back
    /// leaves it inconsistent, so the Stop- and Remove- cmdlets refuse them, and their executions, unless
    /// -AllowServiceOwned is given. One per command: it remembers each connection's Greengrass jobs.
    /// </summary>
    internal sealed class Ownership
    {
        public const string OtaPrefix = "AFR_OTA-";

        /// <summary>The error id of the refusal.</summary>
        public const string RefusalId = "ServiceOwnedJob";

        /// <summary>The namespace of Greengrass deployments' jobs (their devices listen on notify-namespace-aws-gg-deployment).</summary>
        public const string GreengrassNamespace = "aws-gg-deployment";

        // Guarded by itself: items of one command may ask at once, and the listing must be sent once.
        private readonly Dictionary<ItemConnection, Task<HashSet<string>>> greengrassJobs =
            new Dictionary<ItemConnection, Task<HashSet<string>>>();

        /// <summary>
        /// Throws the refusal for a job another service owns, or an execution of one: by its id, by its namespace
        /// when it is known (the job was read, or listed in a namespace), else by one listing per connection of the
        /// Greengrass deployments' jobs, made the first time it is needed.
        /// </summary>
        public async Task CheckAsync(
            ItemTarget target,
            object? state,
            ItemConnection connection,
            string verb,
            bool execution,
            CancellationToken cancellationToken
        )
        {
            if (target.JobId.StartsWith(OtaPrefix, StringComparison.Ordinal))
                throw Ota(target.JobId.Substring(OtaPrefix.Length), verb, execution);
            var job = state as IotJob ?? target.Live as IotJob;
            string? namespaceId = target.NamespaceId
                ?? job?.NamespaceId
                ?? (target.Live as IotJobExecution)?.NamespaceId;
            if (namespaceId != null)
                throw Greengrass(namespaceId, verb, execution);
            if (job?.NamespaceKnown == true)
                return;
            Task<HashSet<string>> lookup;
            lock (greengrassJobs)
            {
                if (!greengrassJobs.TryGetValue(connection, out lookup))
                    greengrassJobs[connection] = lookup = GreengrassJobsAsync(connection, cancellationToken);
            }
            HashSet<string> deployments;
            try
            {
                deployments = await lookup.ConfigureAwait(false);
            }
            catch (AccessDeniedException denied)
            {
                // Fail closed: without the listing the job may be a deployment's. Every item says so, from this one answer.
                throw new ItemRefusedException(
                    "OwnershipUnknown",
                    $"whether it belongs to an AWS IoT Greengrass deployment cannot be checked: listing the jobs of namespace '{GreengrassNamespace}' was denied ({denied.Message})",
                    $"Grant the caller iot:ListJobs, or, if you know the {(execution ? "execution's job" : "job")} is not another service's, add -AllowServiceOwned."
                );
            }
            catch (Exception e) when (!ResiliencePolicy.EndsTheCommand(e))
            {
                // A passing failure is this item's; the next item asks again.
                lock (greengrassJobs)
                {
                    if (greengrassJobs.TryGetValue(connection, out var cached) && cached == lookup)
                        greengrassJobs.Remove(connection);
                }
                throw;
            }
            if (deployments.Contains(target.JobId))
                throw Greengrass(GreengrassNamespace, verb, execution);
        }

        private static async Task<HashSet<string>> GreengrassJobsAsync(
            ItemConnection connection,
            CancellationToken cancellationToken
        )
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            await Paging
                .EachPageAsync(
                    token =>
                        connection.Client.ListJobsAsync(
                            new ListJobsRequest
                            {
                                NamespaceId = GreengrassNamespace,
                                MaxResults = 250,
                                NextToken = token,
                            },
                            cancellationToken
                        ),
                    page => page.NextToken,
                    page => ids.UnionWith(page.Jobs.Select(j => j.JobId ?? ""))
                )
                .ConfigureAwait(false);
            return ids;
        }

        private static ItemRefusedException Ota(string update, string verb, bool execution) =>
            new ItemRefusedException(
                RefusalId,
                $"{(execution ? "its job belongs" : "it belongs")} to the OTA update '{update}' (AWS IoT over-the-air updates), which manages its job itself",
                $"Delete the OTA update and its job the update's way: aws iot delete-ota-update --ota-update-id {update} --force-delete-aws-job "
                    + $"(DeleteOTAUpdate with forceDeleteAWSJob). To {verb} the {(execution ? "execution" : "job")} anyway, add -AllowServiceOwned."
            );

        private static ItemRefusedException Greengrass(string namespaceId, string verb, bool execution) =>
            new ItemRefusedException(
                RefusalId,
                $"{(execution ? "its job belongs" : "it belongs")} to an AWS IoT Greengrass deployment (namespace '{namespaceId}'), which manages its job itself",
                "Cancel or delete the deployment instead: aws greengrassv2 cancel-deployment --deployment-id ID (CancelDeployment), or DeleteDeployment. "
                    + $"To {verb} the {(execution ? "execution" : "job")} anyway, add -AllowServiceOwned."
            );
    }
}
