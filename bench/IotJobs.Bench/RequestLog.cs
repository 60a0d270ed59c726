using System.Globalization;
using IotJobs.Simulator;

namespace IotJobs.Bench;

/// <summary>
/// With --log DIR, each timed row's simulator logs as text, one request a line (seconds since the first request,
/// operation, job, status, error, access key), to tell from them what a row's time went on.
/// </summary>
internal static class RequestLog
{
    public static string? Folder { get; set; }

    public static void Write(string name, IotJobsSimulator sim)
    {
        if (Folder == null)
            return;
        Directory.CreateDirectory(Folder);
        var requests = sim.Requests.ToList();
        var start = requests.Count == 0 ? DateTimeOffset.MinValue : requests[0].ReceivedAt;
        var lines = requests.Select(q =>
            string.Join(
                '\t',
                ((q.ReceivedAt - start).TotalSeconds).ToString("0.000", CultureInfo.InvariantCulture),
                (((q.AnsweredAt ?? q.ReceivedAt) - start).TotalSeconds).ToString("0.000", CultureInfo.InvariantCulture),
                q.Operation ?? q.Method,
                q.RawPath,
                q.RawQuery,
                q.Status.ToString(CultureInfo.InvariantCulture),
                q.ErrorType ?? "",
                AccessKey(q)
            )
        );
        string file = string.Concat(name.Where(c => char.IsLetterOrDigit(c) || c is '-' or '_'));
        File.WriteAllLines(Path.Combine(Folder, $"{file}-{sim.Options.Region}.tsv"), lines);
    }

    /// <summary>The access key id a request was signed with, from its Authorization header.</summary>
    public static string AccessKey(IotJobs.Simulator.Http.RecordedRequest request)
    {
        if (!request.Headers.TryGetValue("authorization", out var authorization))
            return "";
        int at = authorization.IndexOf("Credential=", StringComparison.Ordinal);
        if (at < 0)
            return "";
        at += "Credential=".Length;
        int end = authorization.IndexOf('/', at);
        return end < 0 ? "" : authorization[at..end];
    }
}
