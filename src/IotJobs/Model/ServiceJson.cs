using System;
using System.Text.Json;

namespace IotJobs.Model;

/// <summary>
/// Reads the members of the service's JSON into the model's types. A member that is absent, null or not of the type
/// the model gives it is left null rather than failing the whole object: the value's JSON still holds it as sent.
/// </summary>
internal static class ServiceJson
{
    /// <summary>The shape of a whole answer member (a job's abortConfig), or null when the service sent none.</summary>
    public static T? Read<T>(string? json, Func<JsonElement, T> shape)
        where T : class
    {
        if (json == null)
            return null;
        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.Null ? null : shape(document.RootElement);
    }

    /// <summary>A list answer member (a job's scheduledJobRollouts), or null when the service sent none.</summary>
    public static ServiceShapeList<T>? ReadList<T>(string? json, Func<JsonElement, T> item)
        where T : ServiceShape
    {
        if (json == null)
            return null;
        using var document = JsonDocument.Parse(json);
        return List(document.RootElement, item);
    }

    public static string? String(JsonElement e, string name) =>
        Member(e, name, JsonValueKind.String, out var v) ? v.GetString() : null;

    public static int? Int(JsonElement e, string name) =>
        Member(e, name, JsonValueKind.Number, out var v) && v.TryGetInt32(out int n) ? n : (int?)null;

    public static long? Long(JsonElement e, string name) =>
        Member(e, name, JsonValueKind.Number, out var v) && v.TryGetInt64(out long n) ? n : (long?)null;

    public static double? Double(JsonElement e, string name) =>
        Member(e, name, JsonValueKind.Number, out var v) && v.TryGetDouble(out double n) ? n : (double?)null;

    public static T? Object<T>(JsonElement e, string name, Func<JsonElement, T> shape)
        where T : ServiceShape => Member(e, name, JsonValueKind.Object, out var v) ? shape(v) : null;

    public static ServiceShapeList<T>? List<T>(JsonElement e, string name, Func<JsonElement, T> item)
        where T : ServiceShape => Member(e, name, JsonValueKind.Array, out var v) ? List(v, item) : null;

    private static ServiceShapeList<T>? List<T>(JsonElement array, Func<JsonElement, T> item)
        where T : ServiceShape => array.ValueKind == JsonValueKind.Array ? new ServiceShapeList<T>(array, item) : null;

    private static bool Member(JsonElement e, string name, JsonValueKind kind, out JsonElement value)
    {
        value = default;
        return e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out value) && value.ValueKind == kind;
    }
}
