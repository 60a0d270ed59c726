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
}
