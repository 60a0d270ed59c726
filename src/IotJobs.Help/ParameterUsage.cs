namespace IotJobs.Help;

/// <summary>How a parameter binds in the sets named: "(All)" or set names.</summary>
public sealed class ParameterUsage
{
    public List<string> Sets { get; } = new();
    public bool Required { get; set; }
    public string Position { get; set; } = "Named";
    public string PipelineInput { get; set; } = "False";
}
