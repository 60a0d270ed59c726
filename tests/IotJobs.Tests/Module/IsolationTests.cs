using System.Diagnostics;
using IotJobs.Hosting;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Module;

/// <summary>
/// In a fresh process, as a user's session: importing loads no AWS SDK, and the module works next to
/// another AWSSDK.Core loaded first (as AWS.Tools leaves one), each SDK in its own load context.
/// </summary>
public sealed class IsolationTests
{
    /// <summary>
    /// Runs the probe in a child process, with the given environment variables set (null removes one).
    /// </summary>
    public static string[] Probe(string mode, string? script = null, IDictionary<string, string?>? environment = null)
    {
        string probe = Path.Combine(
            AppContext.BaseDirectory.Replace("IotJobs.Tests", "IotJobs.ProcessProbe"),
            "IotJobs.ProcessProbe.dll"
        );
        var start = new ProcessStartInfo(
            "dotnet",
            script == null ? [probe, mode, BuiltModule.Manifest] : [probe, mode, BuiltModule.Manifest, script]
        )
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value == null)
                start.Environment.Remove(name);
            else
                start.Environment[name] = value;
        }
        using var child = Process.Start(start)!;
        string output = child.StandardOutput.ReadToEnd(),
            errors = child.StandardError.ReadToEnd();
        Assert.True(child.WaitForExit(60_000), "the probe did not finish");
        Assert.True(child.ExitCode == 0, output + errors);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    [Fact]
    public void Import_Get_Command_and_Get_Help_load_no_AWS_SDK()
    {
        var loaded = Probe("imports").Where(l => l.StartsWith("assembly ")).ToList();

        Assert.Contains("assembly IotJobs.LoadContext 0.1.0.0 Default", loaded);
        Assert.DoesNotContain(loaded, l => l.StartsWith("assembly AWSSDK."));
        Assert.DoesNotContain(loaded, l => l.StartsWith("assembly IotJobs.Client "));
    }

    [Fact]
    public void The_module_works_beside_another_AWSSDK_Core_loaded_first()
    {
        var lines = Probe("coexist");

        Assert.Contains("preloaded AWSSDK.Core 3.3.0.0", lines);
        Assert.Contains("removed old-1", lines);
        Assert.Contains("removed old-2", lines);
        Assert.Contains("deleting 2", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("error "));
        // Both SDKs are loaded, each in its own context: theirs in Default, ours in the module's.
        Assert.Contains("assembly AWSSDK.Core 3.3.0.0 Default", lines);
        Assert.Contains("assembly AWSSDK.Core 4.0.0.0 IotJobs", lines);
        Assert.Contains("assembly IotJobs.Client 0.1.0.0 IotJobs", lines);
    }

    [Fact]
    public async Task The_module_imports_again_after_Remove_Module_and_its_cmdlets_still_run()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("old-1", "CANCELED");
        string at = $"-EndpointUrl {sim.Endpoint} -Region us-east-1";

        // One session: a command loads the client and the SDK into the module's context, the module goes, and
        // comes back (from its folder, this time) to a context that already holds them.
        var lines = Probe(
            "run",
            $"'first ' + (Get-IotJob -JobId old-1 {at}).JobId; Remove-Module IotJobs; "
                + "'removed ' + [bool](Get-Command Get-IotJob -ErrorAction Ignore); "
                + $"Import-Module '{BuiltModule.Base}' -ErrorAction Stop; "
                + $"Get-IotJob -JobId old-1 {at} | Remove-IotJob -Force -PassThru | "
                + "ForEach-Object { 'again ' + $_.Status }"
        );

        Assert.DoesNotContain(lines, l => l.StartsWith("error "));
        Assert.Contains("first old-1", lines);
        Assert.Contains("removed False", lines);
        Assert.Contains("again DELETION_IN_PROGRESS", lines);
        Assert.Single(lines, l => l.StartsWith("assembly AWSSDK.Core "));
    }
}
