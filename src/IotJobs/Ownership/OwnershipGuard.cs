using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using IotJobs.Changes;
using IotJobs.Client;
using IotJobs.Client.Model;
using IotJobs.Connections;
using IotJobs.Errors;
using IotJobs.Model;
using IotJobs.Output;
using IotJobs.Rules;

namespace IotJobs.Ownership;

/// <summary>
/// Jobs other services created, and which they expect to manage themselves: an OTA update's job
/// (AFR_OTA-&lt;otaUpdateId&gt;) and a Greengrass deployment's job (a job in a namespace: namespaces are
/// Greengrass's; its deployments' jobs are in "aws-gg-deployment"). Changing them behind their owner's back
/// leaves it inconsistent, so the Stop- and Remove- cmdlets refuse them, and their executions, unless
/// -AllowServiceOwned is given. One per command: it remembers each connection's Greengrass jobs.
/// </summary>
internal sealed class OwnershipGuard
{
    public const string OtaPrefix = "AFR_OTA-";

    /// <summary>
    /// The namespace of Greengrass deployments' jobs (their devices listen on notify-namespace-aws-gg-deployment).
    /// </summary>
    public const string GreengrassNamespace = "aws-gg-deployment";

    // Guarded by itself: items of one command may ask at once, and the listing must be sent once.
    private readonly Dictionary<ItemConnection, Task<HashSet<string>>> greengrassJobs = new();

    /// <summary>
    /// Throws the refusal for a job another service owns, or an execution of one: by its id, or by its namespace as
    /// the job itself says (DescribeJob). When the job was not read in full, the owner is looked for by one listing
    /// per connection of the Greengrass deployments' jobs, made the first time it is needed; a namespace that only a
    /// listing's filter or the caller claims is confirmed by reading the job, since a refusal that names an owner
    /// must rest on the item itself (some implementations of the API ignore the filter).
    /// </summary>
    public async Task CheckAsync(ItemPlan plan, CancellationToken cancellation)
    {
        var target = plan.Target;
        if (target.JobId.StartsWith(OtaPrefix, StringComparison.Ordinal))
            throw Ota(target.JobId.Substring(OtaPrefix.Length), plan.Change);
        var job = plan.State as IotJob ?? target.Live as IotJob;
        if (job?.NamespaceKnown == true)
        {
            if (job.NamespaceId != null)
                throw Greengrass(job.NamespaceId, plan.Change);
            return;
        }
        bool claimed =
            (target.NamespaceId ?? job?.NamespaceId ?? (target.Live as IotJobExecution)?.NamespaceId) != null;
        if (claimed || await ListedAsDeploymentsAsync(plan, cancellation).ConfigureAwait(false))
            await ConfirmAsync(plan, cancellation).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads the job: refused when it says it is in a namespace; a job that is gone is the change's to find.
    /// </summary>
    private static async Task ConfirmAsync(ItemPlan plan, CancellationToken cancellation)
    {
        string? namespaceId;
        try
        {
            var request = new DescribeJobRequest { JobId = plan.Target.JobId };
            var answer = await plan.Connection.Client.DescribeJobAsync(request, cancellation).ConfigureAwait(false);
            namespaceId = answer.Job?.NamespaceId;
        }
        catch (ResourceNotFoundException)
        {
            return;
        }
        if (namespaceId != null)
            throw Greengrass(namespaceId, plan.Change);
    }

    /// <summary>Whether the listing of the Greengrass deployments' jobs names the job.</summary>
    private async Task<bool> ListedAsDeploymentsAsync(ItemPlan plan, CancellationToken cancellation)
    {
        var target = plan.Target;
        var connection = plan.Connection;
        Task<HashSet<string>> lookup;
        lock (greengrassJobs)
        {
            if (!greengrassJobs.TryGetValue(connection, out lookup))
                greengrassJobs[connection] = lookup = GreengrassJobsAsync(connection, cancellation);
        }
        HashSet<string> deployments;
        try
        {
            deployments = await lookup.ConfigureAwait(false);
        }
        catch (AccessDeniedException denied)
        {
            // Fail closed: without the listing the job may be a deployment's. Every item says so, from one answer.
            string what = plan.Change.Acts() == ItemKind.Job ? "job" : "execution's job";
            throw new ItemRefusedException(
                Refusal.OwnershipUnknown,
                "whether it belongs to an AWS IoT Greengrass deployment cannot be checked: listing the jobs of "
                    + $"namespace '{GreengrassNamespace}' was denied ({denied.Message})",
                $"Grant the caller iot:ListJobs, or, if you know the {what} is not another service's, "
                    + "add -AllowServiceOwned."
            );
        }
        catch (Exception e) when (!ServiceFailure.EndsTheCommand(e))
        {
            // A passing failure is this item's; the next item asks again.
            lock (greengrassJobs)
            {
                if (greengrassJobs.TryGetValue(connection, out var cached) && cached == lookup)
                    greengrassJobs.Remove(connection);
            }
            throw;
        }
        return deployments.Contains(target.JobId);
    }

    private static async Task<HashSet<string>> GreengrassJobsAsync(
        ItemConnection connection,
        CancellationToken cancellation
    )
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var request = new ListJobsRequest { NamespaceId = GreengrassNamespace, MaxResults = Paging.PageSize };
        await Paging
            .EachPageAsync(
                token =>
                {
                    request.NextToken = token;
                    return connection.Client.ListJobsAsync(request, cancellation);
                },
                page => page.NextToken,
                page =>
                {
                    ids.UnionWith(page.Jobs.Select(j => j.JobId ?? ""));
                    return true;
                }
            )
            .ConfigureAwait(false);
        return ids;
    }

    private static ItemRefusedException Ota(string update, Change change)
    {
        bool execution = change.Acts() == ItemKind.JobExecution;
        return new ItemRefusedException(
            Refusal.ServiceOwnedJob,
            $"{(execution ? "its job belongs" : "it belongs")} to the OTA update '{update}' "
                + "(AWS IoT over-the-air updates), which manages its job itself",
            "Delete the OTA update and its job the update's way: "
                + $"aws iot delete-ota-update --ota-update-id {update} --force-delete-aws-job "
                + $"(DeleteOTAUpdate with forceDeleteAWSJob). To {Words.Verb(change)} the "
                + $"{(execution ? "execution" : "job")} anyway, add -AllowServiceOwned."
        );
    }

    private static ItemRefusedException Greengrass(string namespaceId, Change change)
    {
        bool execution = change.Acts() == ItemKind.JobExecution;
        return new ItemRefusedException(
            Refusal.ServiceOwnedJob,
            $"{(execution ? "its job belongs" : "it belongs")} to an AWS IoT Greengrass deployment "
                + $"(namespace '{namespaceId}'), which manages its job itself",
            "Cancel or delete the deployment instead: aws greengrassv2 cancel-deployment --deployment-id ID "
                + $"(CancelDeployment), or DeleteDeployment. To {Words.Verb(change)} the "
                + $"{(execution ? "execution" : "job")} anyway, add -AllowServiceOwned."
        );
    }
}
