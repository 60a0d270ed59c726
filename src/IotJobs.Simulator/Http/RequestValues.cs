using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace IotJobs.Simulator.Http;

/// <summary>
/// Reads the values of a request (path, query and body) as the service does: a value it would refuse
/// is a 400 InvalidRequestException, before anything is applied.
/// </summary>
internal static partial class RequestValues
{
    public static string? Token(string? token)
    {
        if (token is null)
            return null;
        try
        {
            var text = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(token));
            if (text.StartsWith("after:", StringComparison.Ordinal))
                return text["after:".Length..];
        }
        catch (FormatException) { }
        throw ServiceError.InvalidRequest("The nextToken is not valid.");
    }

    public static int PageSize(string? maxResults, int defaultSize)
    {
        if (maxResults is null)
            return defaultSize;
        long n = Number(maxResults, "maxResults");
        if (n is < 1 or > 250)
            throw ServiceError.InvalidRequest("maxResults must be between 1 and 250.");
        return (int)n;
    }

    public static bool Force(string? value) => Flag(value, "force");

    /// <summary>A boolean of the query: absent is false.</summary>
    public static bool Flag(string? value, string name) =>
        value switch
        {
            null or "false" => false,
            "true" => true,
            _ => throw ServiceError.InvalidRequest($"{name} must be true or false."),
        };

    public static long Number(string value, string name) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw ServiceError.InvalidRequest($"{name} must be a whole number.");

    public static string JobId(string? id) =>
        id is not null && id.Length <= 64 && IdPattern().IsMatch(id)
            ? id
            : throw ServiceError.InvalidRequest("jobId must be 1-64 characters of [a-zA-Z0-9_-].");

    public static string ThingName(string? name) =>
        name is not null && name.Length <= 128 && ThingPattern().IsMatch(name)
            ? name
            : throw ServiceError.InvalidRequest("thingName must be 1-128 characters of [a-zA-Z0-9:_-].");

    public static string? Namespace(string? ns) =>
        ns is null || IdPattern().IsMatch(ns)
            ? ns
            : throw ServiceError.InvalidRequest("namespaceId must match [a-zA-Z0-9_-]+.");

    public static string? ExecutionStatus(string? status) =>
        status
            is null
                or "QUEUED"
                or "IN_PROGRESS"
                or "SUCCEEDED"
                or "FAILED"
                or "TIMED_OUT"
                or "REJECTED"
                or "REMOVED"
                or "CANCELED"
            ? status
            : throw ServiceError.InvalidRequest($"'{status}' is not a job execution status.");

    public static JsonDocument Body(string body)
    {
        try
        {
            var doc = JsonDocument.Parse(body.Length == 0 ? "{}" : body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object)
                return doc;
            doc.Dispose();
        }
        catch (JsonException) { }
        throw ServiceError.InvalidRequest("The request body must be a JSON object.");
    }

    public static string? Str(JsonDocument doc, string name) =>
        doc.RootElement.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    [GeneratedRegex("^[a-zA-Z0-9_-]+$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-zA-Z0-9:_-]+$")]
    private static partial Regex ThingPattern();

    [GeneratedRegex(@"^[\p{Lu}\p{Nd}_]+$")]
    public static partial Regex ReasonCodePattern();
}
