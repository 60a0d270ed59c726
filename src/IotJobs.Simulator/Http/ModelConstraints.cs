using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace IotJobs.Simulator.Http;

/// <summary>
/// Checks a request body against the constraints of the API model (lengths, patterns, ranges, enums, required
/// members) and refuses it as AWS services do: one InvalidRequestException that lists every violation, e.g.
/// "1 validation error detected: Value 'SOMETIMES' at 'targetSelection' failed to satisfy constraint: Member
/// must satisfy enum value set: [CONTINUOUS, SNAPSHOT]". Paths name list elements from 1
/// ('abortConfig.criteriaList.1.member.action'). A member of the wrong JSON type is refused at once.
/// </summary>
internal sealed class ModelConstraints
{
    /// <summary>Longer values (a job document) are left out of the message rather than repeated whole.</summary>
    private const int LongestValueShown = 256;

    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);
    private readonly List<string> violations = [];

    /// <summary>The member, or null when it is absent or JSON null (the model does not tell them apart).</summary>
    public static JsonElement? Member(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public static string? Text(JsonElement parent, string name, string path) =>
        Typed(parent, name, path, JsonValueKind.String, "a string")?.GetString();

    public static double? Number(JsonElement parent, string name, string path) =>
        Typed(parent, name, path, JsonValueKind.Number, "a number")?.GetDouble();

    public static JsonElement? Structure(JsonElement parent, string name, string path) =>
        Typed(parent, name, path, JsonValueKind.Object, "an object");

    public static IReadOnlyList<JsonElement>? List(JsonElement parent, string name, string path) =>
        Typed(parent, name, path, JsonValueKind.Array, "a list")?.EnumerateArray().ToList();

    public void Required(object? value, string path)
    {
        if (value is null)
            violations.Add($"Value null at '{path}' failed to satisfy constraint: Member must not be null");
    }

    public void Length(string? value, string path, int min = 0, int? max = null)
    {
        if (value is null)
            return;
        int length = value.EnumerateRunes().Count();
        if (length < min)
            Violated(value, path, $"Member must have length greater than or equal to {min}");
        if (length > max)
            Violated(value, path, $"Member must have length less than or equal to {max}");
    }

    /// <param name="pattern">The model's pattern, which the whole value must match.</param>
    public void Pattern(string? value, string path, string pattern)
    {
        var regex = Patterns.GetOrAdd(pattern, p => new Regex("^(?:" + p + ")$", RegexOptions.CultureInvariant));
        if (value is not null && !regex.IsMatch(value))
            Violated(value, path, "Member must satisfy regular expression pattern: " + pattern);
    }

    public void OneOf(string? value, string path, params string[] values)
    {
        if (value is not null && !values.Contains(value, StringComparer.Ordinal))
            Violated(value, path, $"Member must satisfy enum value set: [{string.Join(", ", values)}]");
    }

    public void Range(double? value, string path, double? min = null, double? max = null)
    {
        if (value is not double v)
            return;
        string shown = v.ToString(CultureInfo.InvariantCulture);
        if (v < min)
            Violated(shown, path, $"Member must have value greater than or equal to {Show(min.Value)}");
        if (v > max)
            Violated(shown, path, $"Member must have value less than or equal to {Show(max.Value)}");
    }

    /// <summary>The number of a list's members (the model calls it the list's length too).</summary>
    public void Count(IReadOnlyList<JsonElement>? list, string path, int min = 0, int? max = null)
    {
        if (list is null)
            return;
        string shown = "[" + string.Join(", ", list.Select(e => e.ToString())) + "]";
        if (list.Count < min)
            Violated(shown, path, $"Member must have length greater than or equal to {min}");
        if (list.Count > max)
            Violated(shown, path, $"Member must have length less than or equal to {max}");
    }

    /// <summary>Refuses the request when anything was violated.</summary>
    public void ThrowIfAny()
    {
        if (violations.Count == 0)
            return;
        string count = violations.Count == 1 ? "1 validation error" : $"{violations.Count} validation errors";
        throw ServiceError.InvalidRequest($"{count} detected: {string.Join("; ", violations)}");
    }

    private void Violated(string value, string path, string constraint) =>
        violations.Add(
            (value.Length > LongestValueShown ? "Value" : $"Value '{value}'")
                + $" at '{path}' failed to satisfy constraint: {constraint}"
        );

    private static string Show(double bound) => bound.ToString(CultureInfo.InvariantCulture);

    private static JsonElement? Typed(JsonElement parent, string name, string path, JsonValueKind kind, string type) =>
        Member(parent, name) is not { } value ? null
        : value.ValueKind == kind ? value
        : throw ServiceError.InvalidRequest($"The value at '{path}' must be {type}.");
}
