namespace IotJobs.Help;

/// <summary>A parameter: its description and the fields of its yaml block(s).</summary>
public sealed class HelpParameter
{
    public string Name { get; set; } = "";
    public List<string> Description { get; } = new();
    public string Type { get; set; } = "";
    public string Aliases { get; set; } = "";
    public string DefaultValue { get; set; } = "None";
    public bool Wildcards { get; set; }

    /// <summary>One per yaml block: a parameter that behaves differently in different sets has several.</summary>
    public List<ParameterUsage> Usages { get; } = new();

    public ParameterUsage? UsageIn(string? set) =>
        Usages.FirstOrDefault(u => set == null || u.Sets.Contains(set))
        ?? Usages.FirstOrDefault(u => u.Sets.Contains("(All)"));
}
