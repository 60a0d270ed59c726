using System;
using System.Globalization;

namespace IotJobs.Client
{
    /// <summary>
    /// One attempt of one request, as -Verbose (one short line) and -Debug (everything a person debugging needs)
    /// report it. Holds nothing secret: the URL the SDK composed (path and query), never a header, key or token.
    /// </summary>
    internal sealed class AttemptRecord
    {
        public AttemptRecord(
            Operation operation,
            string method,
            Uri uri,
            int attempt,
            int status,
            string? error,
            string? requestId,
            TimeSpan elapsed,
            TimeSpan paced
        )
        {
            Operation = operation;
            Method = method;
            Uri = uri;
            Attempt = attempt;
            Status = status;
            Error = error;
            RequestId = requestId;
            Elapsed = elapsed;
            Paced = paced;
        }

        public Operation Operation { get; }
        public string Method { get; }
        public Uri Uri { get; }
        public int Attempt { get; }

        /// <summary>The HTTP status; 0 when no answer came (connection dropped, cancelled).</summary>
        public int Status { get; }

        public string? Error { get; }
        public string? RequestId { get; }

        /// <summary>From sending the request to its answer (or its failure).</summary>
        public TimeSpan Elapsed { get; }

        /// <summary>
        /// How long the request waited for the endpoint's pace before it was sent; zero when unpaced.
        /// </summary>
        public TimeSpan Paced { get; }

        private string Answer =>
            Status == 0
                ? "no answer" + (Error == null ? "" : $" ({Error})")
                : Status.ToString(CultureInfo.InvariantCulture) + (Error == null ? "" : " " + Error);

        /// <summary>The -Verbose line: which request went where, and what came back.</summary>
        public override string ToString() =>
            $"{Method} {Uri} -> {Answer}"
            + $" (attempt {Attempt}{(RequestId == null ? "" : ", request id " + RequestId)}, "
            + $"{Elapsed.TotalMilliseconds:0} ms)";

        /// <summary>
        /// The -Debug line: the operation and attempt first, then the request, its status, the request id, the time
        /// it took, and the wait for the endpoint's pace before it (learned from throttling), if any.
        /// </summary>
        public string ToDebugString() =>
            $"{Operation} attempt {Attempt}: {Method} {Uri} -> {Answer}"
            + $"; request id {RequestId ?? "none"}; {ResilienceStep.Milliseconds(Elapsed)}"
            + (Paced > TimeSpan.Zero ? $", after {ResilienceStep.Milliseconds(Paced)} waiting for the pace" : "")
            + ".";
    }
}
