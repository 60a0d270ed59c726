using System.Collections;
using System.Management.Automation;
using IotJobs.Hosting;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Module;

public sealed class ManifestTests
{
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
    public void The_manifest_lists_cmdlets_explicitly_and_carries_gallery_metadata()
    {
        using var ps = PsSession.Start(null);
        string text = File.ReadAllText(BuiltModule.Manifest);

        var module = (PSModuleInfo)
            ps.Run($"Test-ModuleManifest -Path '{BuiltModule.Manifest}'").Output.Single().BaseObject;

        Assert.Matches(@"CmdletsToExport\s*=\s*@\('Get-IotJob'", text);
        Assert.DoesNotContain(
            "*",
            System
                .Text.RegularExpressions.Regex.Match(text, @"(Cmdlets|Functions|Variables|Aliases)ToExport[^\n]*")
                .Value
        );
        Assert.Matches(@"FunctionsToExport\s*=\s*@\(\)", text);
        Assert.Contains("IoT", module.Tags);
        Assert.Equal("https", module.ProjectUri.Scheme);
        Assert.Equal("https", module.LicenseUri.Scheme);
        Assert.StartsWith(module.Version.ToString(3), module.ReleaseNotes);
    }
}
