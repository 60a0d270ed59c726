namespace IotJobs.Help;

public sealed class HelpExample
{
    public string Title { get; set; } = "";
    public string Code { get; set; } = "";
    public List<string> Remarks { get; } = new();
}
