using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using IotJobs.Hosting;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Module;

public sealed class ManifestTests
{
    private static readonly string[] TheSixCmdlets =
    [
        "Get-IotJob",
        "Get-IotJobExecution",
        "Remove-IotJob",
        "Remove-IotJobExecution",
        "Stop-IotJob",
        "Stop-IotJobExecution",
    ];

    [Fact]
    public void Test_ModuleManifest_passes_and_exports_exactly_the_cmdlet_classes()
    {
        using var ps = PsSession.Start(null);

        var r = ps.Run($"Test-ModuleManifest -Path '{BuiltModule.Manifest}'");

        Assert.Empty(r.Errors);
        var module = (PSModuleInfo)Assert.Single(r.Output).BaseObject;
        Assert.Equal(CmdletNames.All, module.ExportedCmdlets.Keys.Order());
        Assert.Empty(module.ExportedFunctions);
        Assert.Empty(module.ExportedAliases);
        Assert.Equal(new Version(5, 1), module.PowerShellVersion);
        Assert.Equal(["Desktop", "Core"], module.CompatiblePSEditions);
        Assert.Equal(["IotJobs.format.ps1xml"], module.ExportedFormatFiles.Select(Path.GetFileName));
    }

    [Fact]
    public void Every_ToExport_entry_lists_exactly_what_the_built_module_exports_without_wildcards()
    {
        var manifest = ReadManifest();
        var exported = ExportsOfTheBuiltModule();

        var entries = manifest.Keys.Cast<string>().Where(k => k.EndsWith("ToExport", StringComparison.Ordinal));
        Assert.Equal(exported.Keys.Order(), entries.Order());
        foreach (var (entry, actual) in exported)
        {
            // An array, even when empty: a missing or $null entry exports everything there is.
            var listed = Assert.IsType<object[]>(manifest[entry], exactMatch: true).Cast<string>().ToList();
            Assert.DoesNotContain(listed, name => WildcardPattern.ContainsWildcardCharacters(name));
            Assert.Equal(listed.Order(), actual.Order());
        }
        Assert.Equal(TheSixCmdlets, ((object[])manifest["CmdletsToExport"]!).Cast<string>().Order());
        Assert.Equal(CmdletNames.All, TheSixCmdlets);
    }

    [Fact]
    public void The_manifest_carries_gallery_metadata()
    {
        using var ps = PsSession.Start(null);

        var module = (PSModuleInfo)
            ps.Run($"Test-ModuleManifest -Path '{BuiltModule.Manifest}'").Output.Single().BaseObject;

        Assert.Contains("IoT", module.Tags);
        Assert.Equal("https", module.ProjectUri.Scheme);
        Assert.Equal("https", module.LicenseUri.Scheme);
        Assert.StartsWith(module.Version.ToString(3), module.ReleaseNotes);
    }

    /// <summary>The manifest as PowerShell reads it: Import-PowerShellDataFile, so @() stays an empty array.</summary>
    private static Hashtable ReadManifest()
    {
        using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        runspace.Open();
        using var ps = PowerShell.Create(runspace);
        return ps.AddCommand("Import-PowerShellDataFile")
            .AddParameter("Path", BuiltModule.Manifest)
            .Invoke<Hashtable>()
            .Single();
    }

    /// <summary>What the module really exports once imported, by the manifest entry that declares it.</summary>
    private static Dictionary<string, string[]> ExportsOfTheBuiltModule()
    {
        using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        runspace.Open();
        using var ps = PowerShell.Create(runspace);
        var module = ps.AddCommand("Import-Module")
            .AddParameter("Name", BuiltModule.Manifest)
            .AddParameter("PassThru")
            .Invoke<PSModuleInfo>()
            .Single();
        return new Dictionary<string, string[]>
        {
            ["CmdletsToExport"] = [.. module.ExportedCmdlets.Keys],
            ["FunctionsToExport"] = [.. module.ExportedFunctions.Keys],
            ["VariablesToExport"] = [.. module.ExportedVariables.Keys],
            ["AliasesToExport"] = [.. module.ExportedAliases.Keys],
        };
    }
}
