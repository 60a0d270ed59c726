using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace IotJobs.Simulator.Http;

/// <summary>One request as the simulator received it, and how it answered.</summary>
public sealed class RecordedRequest
{
    public required long Sequence { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    public required string Method { get; init; }

    /// <summary>The path exactly as sent, still percent-encoded.</summary>
    public required string RawPath { get; init; }

    /// <summary>The query string exactly as sent, without the leading '?'.</summary>
    public required string RawQuery { get; init; }

    /// <summary>Query parameters, decoded.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Query { get; init; }

    /// <summary>Header names are lower case.</summary>
    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    public required string Body { get; init; }

    /// <summary>The operation the path named, or null when it named none.</summary>
    public string? Operation { get; internal set; }

    /// <summary>When the answer (or the reset) went out.</summary>
    public DateTimeOffset? AnsweredAt { get; internal set; }

    /// <summary>The status answered; 0 when the connection was reset instead.</summary>
    public int Status { get; internal set; }

    /// <summary>The error type answered, if any.</summary>
    public string? ErrorType { get; internal set; }

    /// <summary>
    /// The body answered, as sent, with <see cref="SimulatorOptions.RecordResponseBodies"/>; else, or when the
    /// connection was reset, empty.
    /// </summary>
    public string ResponseBody { get; internal set; } = "";

    /// <summary>True when the request changed the service's state (a mutating operation that succeeded).</summary>
    public bool Applied { get; internal set; }

    /// <summary>The request as it arrived: the raw target keeps the path's and query's encoding, which the
    /// signature covers.</summary>
    internal static RecordedRequest Of(HttpContext context, byte[] body, long sequence, DateTimeOffset receivedAt)
    {
        string target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "/";
        int q = target.IndexOf('?', StringComparison.Ordinal);
        string rawPath = q < 0 ? target : target[..q],
            rawQuery = q < 0 ? "" : target[(q + 1)..];
        return new RecordedRequest
        {
            Sequence = sequence,
            ReceivedAt = receivedAt,
            Method = context.Request.Method,
            RawPath = rawPath,
            RawQuery = rawQuery,
            Query = rawQuery
                .Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Split('=', 2))
                .Select(p =>
                    KeyValuePair.Create(Uri.UnescapeDataString(p[0]), Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""))
                )
                .ToList(),
            Headers = context.Request.Headers.ToDictionary(
                h => h.Key.ToLowerInvariant(),
                h => h.Value.ToString(),
                StringComparer.Ordinal
            ),
            Body = Encoding.UTF8.GetString(body),
        };
    }

    public string? QueryValue(string name) => Query.FirstOrDefault(p => p.Key == name).Value;

    public override string ToString() =>
        $"{Method} {RawPath}{(RawQuery.Length > 0 ? "?" + RawQuery : "")} -> "
        + $"{(Status == 0 ? "reset" : Status.ToString())}{(ErrorType is null ? "" : " " + ErrorType)}";
}
