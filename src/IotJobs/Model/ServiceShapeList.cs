using System;
using System.Collections.ObjectModel;
using System.Linq;
using System.Text.Json;

namespace IotJobs.Model;

/// <summary>
/// A list of the service's model (a job's abort criteria, its maintenance windows...): indexed, counted and
/// enumerated as an array is, and, like <see cref="ServiceShape"/>, read as the service's JSON of the whole list
/// where PowerShell turns it into text (Export-Csv, "$value").
/// </summary>
public sealed class ServiceShapeList<T> : ReadOnlyCollection<T>
    where T : ServiceShape
{
    private readonly string json;

    internal ServiceShapeList(JsonElement array, Func<JsonElement, T> item)
        : base(array.EnumerateArray().Select(item).ToList()) => json = array.GetRawText();

    /// <summary>The list as the service sent it, in JSON.</summary>
    public override string ToString() => json;
}
