using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Text.RegularExpressions;
using IotJobs.Hosting;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Module;

public sealed class ModuleLoadTests
{
    [Fact]
    public void Built_module_imports_in_the_PowerShell_7_engine_with_the_manifest_version()
    {
        using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        runspace.Open();
        using var ps = PowerShell.Create(runspace);

        var module = ps.AddCommand("Import-Module")
            .AddParameter("Name", BuiltModule.Manifest)
            .AddParameter("PassThru")
            .Invoke<PSModuleInfo>()
            .Single();

        string manifestVersion = Regex
            .Match(
                File.ReadAllText(Path.Combine(BuiltModule.RepositoryRoot, "IotJobs.psd1")),
                @"ModuleVersion\s*=\s*'([^']+)'"
            )
            .Groups[1]
            .Value;
        Assert.Empty(ps.Streams.Error);
        Assert.Equal("IotJobs", module.Name);
        Assert.Equal(Version.Parse(manifestVersion), module.Version);
        // The assembly takes its version from the manifest too: one number, one place.
        var assembly = AppDomain.CurrentDomain.GetAssemblies().First(a => a.GetName().Name == "IotJobs");
        Assert.Equal(manifestVersion, assembly.GetName().Version!.ToString(3));
        // The engine hands Import-Module the IotJobs assembly this test process already loaded
        // (same identity); it must be the very file the module folder ships.
        Assert.Equal(
            File.ReadAllBytes(Path.Combine(BuiltModule.Folder, "IotJobs.dll")),
            File.ReadAllBytes(assembly.Location)
        );
    }

    [Fact]
    public void The_build_lays_out_the_module_in_a_folder_of_its_version_with_nothing_beside_it()
    {
        // Nothing of an earlier layout (the flat out/IotJobs of before, another version's folder) is left to
        // shadow this build's: Import-Module would take a higher version's folder, or a flat manifest by path.
        Assert.Equal([BuiltModule.Folder], Directory.GetFileSystemEntries(BuiltModule.Base));
        Assert.Equal(
            ["IotJobs.LoadContext.dll", "IotJobs.dll", "IotJobs.format.ps1xml", "IotJobs.psd1"],
            Directory.GetFiles(BuiltModule.Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal)
        );
        Assert.Equal(
            ["dependencies", "en-US"],
            Directory.GetDirectories(BuiltModule.Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal)
        );
    }

    [Fact]
    public void Import_Module_takes_the_module_folder_and_the_manifest_in_its_version_folder_alike()
    {
        using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        runspace.Open();

        foreach (string name in new[] { BuiltModule.Base, BuiltModule.Manifest })
        {
            using var ps = PowerShell.Create(runspace);
            var module = ps.AddCommand("Import-Module")
                .AddParameter("Name", name)
                .AddParameter("PassThru")
                .AddParameter("Force")
                .Invoke<PSModuleInfo>()
                .Single();

            Assert.Empty(ps.Streams.Error);
            Assert.Equal(BuiltModule.Folder, module.ModuleBase);
            Assert.Equal(Version.Parse(BuiltModule.Version), module.Version);
            Assert.Equal(CmdletNames.All, module.ExportedCmdlets.Keys.Order());
        }
    }

    [Fact]
    public void On_Windows_PowerShell_the_resolver_is_added_once_and_the_last_Remove_Module_takes_it_away()
    {
        // 5.1's path, taken by hand here (PowerShell 7 takes the load context instead): two imports, say in two
        // runspaces. The removals are the engine's own: Remove-Module finds ModuleCleanup in the module's assembly
        // (the one this process loaded) and calls it. Kept in this class, so no other test's removal runs between.
        string empty = Directory.CreateTempSubdirectory("iotjobs-resolver-").FullName;
        try
        {
            ModuleInitializer.AddResolver(empty);
            ModuleInitializer.AddResolver(empty);
            Assert.Equal(1, ModuleResolveHandlers());

            using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
            runspace.Open();
            ImportAndRemove(runspace);
            Assert.Equal(1, ModuleResolveHandlers()); // one import still has the module
            ImportAndRemove(runspace);
            Assert.Equal(0, ModuleResolveHandlers());
        }
        finally
        {
            while (ModuleResolveHandlers() > 0)
                ModuleInitializer.RemoveResolver();
            Directory.Delete(empty);
        }
    }

    private static void ImportAndRemove(Runspace runspace)
    {
        using var ps = PowerShell.Create(runspace);
        ps.AddCommand("Import-Module").AddParameter("Name", BuiltModule.Manifest).AddStatement();
        ps.AddCommand("Remove-Module").AddParameter("Name", "IotJobs").Invoke();
        Assert.Empty(ps.Streams.Error);
    }

    /// <summary>The handlers of AppDomain.AssemblyResolve that the module's assembly added.</summary>
    private static int ModuleResolveHandlers()
    {
        // .NET keeps AppDomain.AssemblyResolve's handlers in this field of AssemblyLoadContext.
        var field = typeof(System.Runtime.Loader.AssemblyLoadContext).GetField(
            "AssemblyResolve",
            System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static
        ) ?? throw new InvalidOperationException("This runtime keeps AppDomain.AssemblyResolve elsewhere.");
        var handlers = (Delegate?)field.GetValue(null);
        return handlers
            ?.GetInvocationList()
            .Count(h => h.Method.DeclaringType?.Assembly == typeof(ModuleInitializer).Assembly)
            ?? 0;
    }
}
