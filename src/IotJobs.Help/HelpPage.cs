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
