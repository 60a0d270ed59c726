namespace IotJobs.Help;

/// <summary>One cmdlet's help as its markdown page states it.</summary>
public sealed class HelpPage
{
    public string Name { get; set; } = "";

    /// <summary>The front matter's "online version": where Get-Help -Online goes (the cmdlet's HelpUri too).</summary>
    public string OnlineVersion { get; set; } = "";

    public string Synopsis { get; set; } = "";
    public List<string> Description { get; } = new();

    /// <summary>Parameter set name (null for a cmdlet with one set) → the syntax line shown for it.</summary>
    public List<(string? Set, bool IsDefault, string Line)> Syntax { get; } = new();

    public List<HelpExample> Examples { get; } = new();
    public List<HelpParameter> Parameters { get; } = new();
    public List<(string Type, string Description)> Inputs { get; } = new();
    public List<(string Type, string Description)> Outputs { get; } = new();
    public List<string> Notes { get; } = new();
    public List<(string Text, string Uri)> RelatedLinks { get; } = new();
}

public sealed class HelpExample
{
    public string Title { get; set; } = "";
    public string Code { get; set; } = "";
    public List<string> Remarks { get; } = new();
}

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

/// <summary>How a parameter binds in the sets named: "(All)" or set names.</summary>
public sealed class ParameterUsage
{
    public List<string> Sets { get; } = new();
    public bool Required { get; set; }
    public string Position { get; set; } = "Named";
    public string PipelineInput { get; set; } = "False";
}
