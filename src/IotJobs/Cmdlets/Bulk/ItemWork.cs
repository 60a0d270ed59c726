using System;
using System.Threading;
using System.Threading.Tasks;
using IotJobs.Client;

namespace IotJobs.Cmdlets.Bulk
{
    /// <summary>One approved item of a batch: what to send, and how to name it in output and errors.</summary>
    internal sealed class ItemWork
    {
        public ItemWork(string action, string subject, object target, bool forced, Func<IIotJobsClient, CancellationToken, Task<object?>> run)
        {
            Action = action;
            Subject = subject;
            Target = target;
            Forced = forced;
            Run = run;
        }

        /// <summary>The verb for error messages, e.g. "remove".</summary>
        public string Action { get; }

        /// <summary>The item in words, e.g. "job 'fw-7'".</summary>
        public string Subject { get; }

        /// <summary>The item itself: the TargetObject of its error, if any.</summary>
        public object Target { get; }

        public bool Forced { get; }

        /// <summary>Sends the item's request(s); returns what to write (with -PassThru), or null.</summary>
        public Func<IIotJobsClient, CancellationToken, Task<object?>> Run { get; }

        /// <summary>Optionally explains a failure better than the service did (e.g. names the current version).</summary>
        public Func<Exception, CancellationToken, Task<string?>>? Explain { get; set; }
    }

    /// <summary>How one item ended: its output, or its failure.</summary>
    internal sealed class ItemOutcome
    {
        public ItemOutcome(ItemWork work, object? output, Exception? failure, string? reason)
        {
            Work = work;
            Output = output;
            Failure = failure;
            Reason = reason;
        }

        public ItemWork Work { get; }
        public object? Output { get; }
        public Exception? Failure { get; }
        public string? Reason { get; }
    }
}
