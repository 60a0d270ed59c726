using System.Xml.Linq;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Formatting;

/// <summary>The default views, rendered through Out-Default as a 120-column console shows them.</summary>
public sealed class FormatViewTests
{
    /// <summary>The visible lines: header styling (ANSI escapes) is the terminal's business, not the view's.</summary>
    private static string[] Lines(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, "\u001b\\[[0-9;]*m", "").Split('\n').Select(l => l.TrimEnd('\r', ' ')).Where(l => l.Length > 0).ToArray();

    [Fact]
    public async Task Jobs_render_as_a_table_that_fits_120_columns()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("fw-2024-11-rollout-with-a-rather-long-name-xyz", "DELETION_IN_PROGRESS", "CONTINUOUS");
        sim.Store.AddJob("cfg-1", "CANCELED");
        using var ps = PsSession.StartWide(sim, 120);

        ps.Render("Get-IotJob");

        var lines = Lines(ps.Host.Text);
        Assert.Matches(@"^JobId\s+Status\s+Selection\s+Executions\s+Created\s+Updated$", lines[0]);
        Assert.All(lines, l => Assert.True(l.Length <= 120, $"{l.Length} columns: {l}"));
        Assert.Contains(lines, l => l.StartsWith("cfg-1 ") && l.Contains(" CANCELED ") && l.Contains(" SNAPSHOT "));
        Assert.Contains(lines, l => l.Contains("DELETION_IN_PROGRESS") && l.Contains("CONTINUOUS"));
        Assert.Equal(4, lines.Length);
    }

    [Fact]
    public async Task A_described_job_shows_its_execution_count_in_the_table()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j");
        for (int i = 0; i < 3; i++) sim.Store.AddExecution("j", $"t{i}");
        using var ps = PsSession.StartWide(sim, 120);

        ps.Render("Get-IotJob j");

        Assert.Matches(@"^j\s+IN_PROGRESS\s+SNAPSHOT\s+3\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+\d{4}-\d\d-\d\d \d\d:\d\d$", Lines(ps.Host.Text)[2]);
    }

    [Fact]
    public async Task Executions_render_as_a_table_that_fits_120_columns()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j");
        var e = sim.Store.AddExecution("j", "gateway:eu-west-1:building-7:floor-3", "IN_PROGRESS", versionNumber: 12);
        using var ps = PsSession.StartWide(sim, 120);

        ps.Render("Get-IotJobExecution -JobId j -ThingName gateway:eu-west-1:building-7:floor-3");

        var lines = Lines(ps.Host.Text);
        Assert.Matches(@"^JobId\s+ThingName\s+Number\s+Status\s+Version\s+LastUpdated$", lines[0]);
        Assert.All(lines, l => Assert.True(l.Length <= 120, $"{l.Length} columns: {l}"));
        Assert.Matches($@"^j\s+gateway:eu-west-1:building-7:floor-3\s+{e.ExecutionNumber}\s+IN_PROGRESS\s+12\s+\d{{4}}-", lines[2]);
    }

    [Fact]
    public void Every_property_a_view_names_exists_on_its_type_and_each_type_has_a_table_and_a_list()
    {
        var doc = XDocument.Load(Path.Combine(ModuleLayout.ModuleFolder, "IotJobs.format.ps1xml"));
        var views = doc.Descendants("View").ToList();

        foreach (var view in views)
        {
            var type = typeof(IotJobs.Model.IotJob).Assembly.GetType(view.Element("ViewSelectedBy")!.Element("TypeName")!.Value, throwOnError: true)!;
            foreach (var property in view.Descendants("PropertyName"))
                Assert.True(type.GetProperty(property.Value) != null, $"{type.Name} has no property {property.Value}");
        }
        foreach (var type in new[] { "IotJobs.Model.IotJob", "IotJobs.Model.IotJobExecution" })
        {
            var controls = views.Where(v => v.Element("ViewSelectedBy")!.Element("TypeName")!.Value == type).Select(v => v.Elements().Last().Name.LocalName).ToList();
            Assert.Equal(["TableControl", "ListControl"], controls);
        }
    }
}
