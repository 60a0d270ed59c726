using System;
using System.Globalization;

namespace IotJobs.Client
{
    /// <summary>One attempt of one request, as -Verbose reports it. Holds nothing secret.</summary>
    internal sealed class AttemptRecord
    {
        public AttemptRecord(
            string method,
            Uri uri,
            int attempt,
            int status,
            string? error,
            string? requestId,
            TimeSpan elapsed
        )
        {
            Method = method;
            Uri = uri;
            Attempt = attempt;
            Status = status;
            Error = error;
            RequestId = requestId;
            Elapsed = elapsed;
        }

        public string Method { get; }
        public Uri Uri { get; }
        public int Attempt { get; }

        /// <summary>The HTTP status; 0 when no answer came (connection dropped, cancelled).</summary>
        public int Status { get; }

        public string? Error { get; }
        public string? RequestId { get; }
        public TimeSpan Elapsed { get; }

        public override string ToString() =>
            $"{Method} {Uri} -> {(Status == 0 ? "no answer" : Status.ToString(CultureInfo.InvariantCulture))}"
            + (Error == null ? "" : " " + Error)
            + $" (attempt {Attempt}{(RequestId == null ? "" : ", request id " + RequestId)}, "
            + $"{Elapsed.TotalMilliseconds:0} ms)";
    }
}
