namespace IotJobs.Tests.Support;

/// <summary>Where `dotnet build` lays out the module: the folder users import and every engine test uses.</summary>
public static class ModuleLayout
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string ModuleFolder => Path.Combine(RepositoryRoot, "out", "IotJobs");

    public static string Manifest => Path.Combine(ModuleFolder, "IotJobs.psd1");

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
