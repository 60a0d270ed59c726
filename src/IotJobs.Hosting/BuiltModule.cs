namespace IotJobs.Hosting;

/// <summary>Where `dotnet build` lays out the module: the folder users import and every engine test uses.</summary>
public static class BuiltModule
{
    /// <summary>The repository that holds this build: the folder of IotJobs.PowerShell.sln above the program.</summary>
    public static string RepositoryRoot => FindRoot();

    /// <summary>out/IotJobs: the manifest, IotJobs.dll, the views, en-US/, dependencies/.</summary>
    public static string Folder => Path.Combine(RepositoryRoot, "out", "IotJobs");

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
