using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using IotJobs.Changes;
using IotJobs.Client;
using IotJobs.Client.Model;
using IotJobs.Items;
using IotJobs.Model;
using IotJobs.Output;

namespace IotJobs.Backup;

/// <summary>
/// -BackupPath: before an item is deleted, it is written, as the service describes it, to a file of its own:
/// a job with its job document and its executions' summaries, an execution as described. The file holds the
/// service's answers as they came (every value exactly; only the layout and the escaping are made readable), and is
/// flushed to disk before the deletion is sent.
/// </summary>
internal static class ItemBackup
{
    /// <summary>
    /// Where the item's backup goes: "fw-7.job.json", "fw-7.sensor-3.42.execution.json"; a second one gets the time
    /// too.
    /// </summary>
    /// <remarks>
    /// Named once per item and kept on its plan: the file a What-if line or a prompt names is the one written,
    /// whenever the person answers.
    /// </remarks>
    public static string FileFor(ItemPlan plan, string folder) =>
        plan.BackupFile ??= PathFor(folder, plan.Target, plan.Connection.Options.Time.GetUtcNow());

    private static string PathFor(string folder, ItemTarget target, DateTimeOffset now)
    {
        string name =
            target.Kind == ItemKind.Job
                ? $"{Safe(target.JobId)}.job"
                : $"{Safe(target.JobId)}.{Safe(target.ThingName!)}.{Number(target.ExecutionNumber)}.execution";
        string path = Path.Combine(folder, name + ".json");
        return File.Exists(path)
            ? Path.Combine(folder, $"{name}.{now.UtcDateTime:yyyyMMdd'T'HHmmssfff'Z'}.json")
            : path;
    }

    /// <summary>
    /// Reads the item and writes its backup; returns the item as read. Throws <see cref="BackupFailedException"/> when
    /// it cannot be written.
    /// </summary>
    public static async Task<IotJobsItem> WriteAsync(ItemPlan plan, string folder, CancellationToken cancellationToken)
    {
        var t = plan.Target;
        var client = plan.Connection.Client;
        var now = plan.Connection.Options.Time.GetUtcNow();
        using var buffer = new MemoryStream();
        IotJobsItem state;
        // Written compact first, then as a person reads it (ReadableJson): System.Text.Json escapes too much.
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("kind", t.Kind.ToString());
            w.WriteString("jobId", t.JobId);
            if (t.ThingName != null)
                w.WriteString("thingName", t.ThingName);
            w.WriteString("region", plan.Connection.Location.Region);
            w.WriteString("endpointUrl", plan.Connection.Location.EndpointUrl);
            w.WriteString("backedUpAt", now.ToString("o", CultureInfo.InvariantCulture));
            if (t.Kind == ItemKind.Job)
            {
                var job = await client
                    .DescribeJobAsync(new DescribeJobRequest { JobId = t.JobId }, cancellationToken)
                    .ConfigureAwait(false);
                var document = await client
                    .GetJobDocumentAsync(new GetJobDocumentRequest { JobId = t.JobId }, cancellationToken)
                    .ConfigureAwait(false);
                Raw(w, "describeJob", job.RawJson);
                Raw(w, "getJobDocument", document.RawJson);
                w.WriteStartArray("executionSummaries");
                await Paging
                    .EachPageAsync(
                        token =>
                            client.ListJobExecutionsForJobAsync(
                                new ListJobExecutionsForJobRequest
                                {
                                    JobId = t.JobId,
                                    MaxResults = Paging.PageSize,
                                    NextToken = token,
                                },
                                cancellationToken
                            ),
                        page => page.NextToken,
                        page =>
                        {
                            page.ExecutionSummaries.ForEach(summary => Write(w, summary));
                            return true;
                        }
                    )
                    .ConfigureAwait(false);
                w.WriteEndArray();
                state = OutputMapper.ToJob(job.Job!, plan.Connection);
            }
            else
            {
                var execution = await client
                    .DescribeJobExecutionAsync(
                        new DescribeJobExecutionRequest
                        {
                            JobId = t.JobId,
                            ThingName = t.ThingName,
                            ExecutionNumber = t.ExecutionNumber,
                        },
                        cancellationToken
                    )
                    .ConfigureAwait(false);
                Raw(w, "describeJobExecution", execution.RawJson);
                state = OutputMapper.ToExecution(execution.Execution!, plan.Connection);
            }
            w.WriteEndObject();
        }
        using var written = JsonDocument.Parse(buffer.ToArray());
        Save(folder, FileFor(plan, folder), Encoding.UTF8.GetBytes(ReadableJson.Write(written.RootElement)));
        return state;
    }

    /// <summary>
    /// A new file, private to its owner where the platform allows (<see cref="OwnerOnlyFile"/>), written through to
    /// the disk before anything may be deleted.
    /// </summary>
    private static void Save(string folder, string path, byte[] content)
    {
        try
        {
            using var file = OwnerOnlyFile.CreateNew(path);
            file.Write(content, 0, content.Length);
            file.Flush(flushToDisk: true);
        }
        catch (Exception e)
            when (e is IOException
                || e is UnauthorizedAccessException
                || e is NotSupportedException
                || e is ArgumentException
            )
        {
            throw new BackupFailedException(folder, e);
        }
    }

    /// <summary>A summary as ListJobExecutionsForJob has it: times in epoch seconds, absent fields left out.</summary>
    private static void Write(Utf8JsonWriter w, JobExecutionSummaryForJob entry)
    {
        w.WriteStartObject();
        if (entry.ThingArn != null)
            w.WriteString("thingArn", entry.ThingArn);
        if (entry.JobExecutionSummary is JobExecutionSummary s)
        {
            w.WriteStartObject("jobExecutionSummary");
            if (s.Status != null)
                w.WriteString("status", s.Status);
            Epoch(w, "queuedAt", s.QueuedAt);
            Epoch(w, "startedAt", s.StartedAt);
            Epoch(w, "lastUpdatedAt", s.LastUpdatedAt);
            if (s.ExecutionNumber is long number)
                w.WriteNumber("executionNumber", number);
            if (s.RetryAttempt is int retry)
                w.WriteNumber("retryAttempt", retry);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void Epoch(Utf8JsonWriter w, string name, DateTime? at)
    {
        if (at is DateTime t)
            w.WriteNumber(name, new DateTimeOffset(t.ToUniversalTime()).ToUnixTimeMilliseconds() / 1000.0);
    }

    private static void Raw(Utf8JsonWriter w, string name, string? json)
    {
        w.WritePropertyName(name);
        using var answer = JsonDocument.Parse(json ?? "null");
        answer.RootElement.WriteTo(w);
    }

    private static string? Number(long? n) => n?.ToString(CultureInfo.InvariantCulture);

    /// <summary>A name part a file system takes everywhere: ':' (in thing names) and the like become '_'.</summary>
    private static string Safe(string part) =>
        new string(part.Select(c => c == ':' || Path.GetInvalidFileNameChars().Contains(c) ? '_' : c).ToArray());
}
