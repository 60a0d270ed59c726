using System.Text.RegularExpressions;

namespace IotJobs.Hosting;

/// <summary>
/// Where `dotnet build` lays out the module: out/IotJobs/&lt;ModuleVersion&gt;/, a version folder as in an installed
/// module, which Import-Module takes by the folder out/IotJobs or by the manifest inside.
/// </summary>
public static class BuiltModule
{
    /// <summary>The repository that holds this build: the folder of IotJobs.PowerShell.sln above the program.</summary>
    public static string RepositoryRoot => FindRoot();

    /// <summary>
    /// The ModuleVersion of IotJobs.psd1, the one place the version is written; Directory.Build.props reads it
    /// the same way for the assemblies and the version folder.
    /// </summary>
    public static string Version
    {
        get
        {
            string manifest = Path.Combine(RepositoryRoot, "IotJobs.psd1");
            var match = Regex.Match(File.ReadAllText(manifest), @"ModuleVersion\s*=\s*'([0-9]+(\.[0-9]+){1,3})'");
            return match.Success
                ? match.Groups[1].Value
                : throw new InvalidOperationException($"{manifest} has no ModuleVersion.");
        }
    }

    /// <summary>out/IotJobs: what Import-Module takes as a folder, and what PSModulePath finds by name.</summary>
    public static string Base => Path.Combine(RepositoryRoot, "out", "IotJobs");

    /// <summary>out/IotJobs/&lt;version&gt;: the manifest, IotJobs.dll, the views, en-US/, dependencies/.</summary>
    public static string Folder => Path.Combine(Base, Version);

    public static string Manifest => Path.Combine(Folder, "IotJobs.psd1");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "IotJobs.PowerShell.sln")))
                return dir.FullName;
        throw new InvalidOperationException(
            "The repository root (IotJobs.PowerShell.sln) was not found above " + AppContext.BaseDirectory
        );
    }
}
