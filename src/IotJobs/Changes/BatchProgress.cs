using System;
using System.Globalization;
using System.Management.Automation;

namespace IotJobs.Changes;

/// <summary>
/// Write-Progress for a batch: done of total (when the total is known), rate and the current
/// item, at most a few times a second. The engine drops it when $ProgressPreference is
/// SilentlyContinue.
/// </summary>
internal sealed class BatchProgress
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private readonly TimeProvider time;
    private readonly long started;
    private readonly IChangeHost host;
    private readonly int activityId;
    private readonly string activity;
    private TimeSpan? lastShown;
    private string status = "Starting";

    public BatchProgress(IChangeHost host, TimeProvider time, int activityId, string activity)
    {
        this.time = time;
        started = time.GetTimestamp();
        this.host = host;
        this.activityId = activityId;
        this.activity = activity;
    }

    private TimeSpan Elapsed => time.GetElapsedTime(started);

    public int Done { get; private set; }

    public int Failed { get; private set; }

    /// <summary>Items expected in all, when known up front (-JobId a,b,c); else 0.</summary>
    public int Total { get; set; }

    public void Count(bool failed)
    {
        Done++;
        if (failed)
            Failed++;
    }

    /// <param name="current">The item, or what the work says it waits for.</param>
    /// <param name="received">Items taken from the pipeline so far, for a count when the total is not known.</param>
    /// <param name="waiting">
    /// What the items wait for now ("3 waiting for one of the 10 deletion places"), or null.
    /// </param>
    public void Show(string current, int received, string? waiting, bool force = false)
    {
        if (!force && lastShown.HasValue && Elapsed - lastShown.Value < Interval)
            return;
        lastShown = Elapsed;
        double seconds = Math.Max(Elapsed.TotalSeconds, 0.001);
        string done = Total > 0 ? $"{Done} of {Total} done" : $"{Done} done of {received} received";
        string failed = Failed > 0 ? $", {Failed} failed" : "";
        string rate = (Done / seconds).ToString("0.0", CultureInfo.InvariantCulture);
        // The status is all the console's minimal view shows: counts first, then what holds items back, then the
        // item, which is what a narrow console cuts off first.
        string holding = waiting == null ? "" : $" | {waiting}";
        status = $"{done}{failed} ({rate}/s){holding} | {current}";
        // A new record each time: hosts may keep the ones they were given.
        host.WriteProgress(
            new ProgressRecord(activityId, activity, status)
            {
                CurrentOperation = current,
                PercentComplete = Total > 0 ? Math.Min(100, Done * 100 / Total) : -1,
            }
        );
    }

    public void Complete()
    {
        if (!lastShown.HasValue)
            return;
        host.WriteProgress(
            new ProgressRecord(activityId, activity, status) { RecordType = ProgressRecordType.Completed }
        );
    }
}
