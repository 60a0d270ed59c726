using IotJobs.Help;
using IotJobs.Hosting;

namespace IotJobs.Tests.Support;

/// <summary>The cmdlet pages in docs/en-US, read as the help build reads them.</summary>
public static class HelpPages
{
    public static string Folder => Path.Combine(BuiltModule.RepositoryRoot, "docs", "en-US");

    public static HelpPage Read(string cmdlet) =>
        MarkdownHelpReader.Read(File.ReadAllText(Path.Combine(Folder, cmdlet + ".md")));
}
