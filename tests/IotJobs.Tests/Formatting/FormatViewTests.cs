using System.Xml.Linq;
using IotJobs.Hosting;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Formatting;

/// <summary>
/// The default views, rendered through Out-Default as 80- and 120-column consoles show them, and CSV exports.
/// </summary>
public sealed class FormatViewTests
{
    /// <summary>The visible lines: header styling (ANSI escapes) is the terminal's business, not the view's.</summary>
    private static string[] Lines(string text) =>
        System
            .Text.RegularExpressions.Regex.Replace(text, "\u001b\\[[0-9;]*m", "")
            .Split('\n')
            .Select(l => l.TrimEnd('\r', ' '))
            .Where(l => l.Length > 0)
            .ToArray();

    [Theory]
    [InlineData(80, @"^JobId\s+Status\s+Created \(UTC\)$")]
    [InlineData(120, @"^JobId\s+Status\s+Created \(UTC\)\s+Executions\s+Completed \(UTC\)\s+Selection$")]
    public async Task Jobs_render_as_a_table_whose_key_columns_fit_80_columns_and_the_rest_120(int width, string header)
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("fw-2024-11-rollout-with-a-long-name", "DELETION_IN_PROGRESS", "CONTINUOUS");
        sim.Store.AddJob("cfg-1", "CANCELED");
        using var ps = PsSession.StartWide(sim, width);

        ps.Render("Get-IotJob");

        var lines = Lines(ps.Host.Text);
        Assert.Matches(header, lines[0]);
        Assert.All(lines, l => Assert.True(l.Length <= width, $"{l.Length} columns: {l}"));
        Assert.Contains(lines, l => l.StartsWith("cfg-1 ") && l.Contains(" CANCELED "));
        Assert.Contains(lines, l =>
            System.Text.RegularExpressions.Regex.IsMatch(
                l,
                @"^fw-2024-11-rollout-with-a-long-name\s+DELETION_IN_PROGRESS\s+\d{4}-"
            )
        );
        Assert.Equal(4, lines.Length);
    }

    [Theory]
    [InlineData(80, @"^JobId\s+ThingName\s+Number\s+Status$")]
    [InlineData(120, @"^JobId\s+ThingName\s+Number\s+Status\s+Version\s+Updated \(UTC\)$")]
    public async Task Executions_render_as_a_table_whose_key_columns_fit_80_columns_and_the_rest_120(
        int width,
        string header
    )
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j");
        var e = sim.Store.AddExecution("j", "gateway:eu-west-1:building-7", "IN_PROGRESS", versionNumber: 12);
        using var ps = PsSession.StartWide(sim, width);

        ps.Render("Get-IotJobExecution -JobId j -ThingName gateway:eu-west-1:building-7");

        var lines = Lines(ps.Host.Text);
        Assert.Matches(header, lines[0]);
        Assert.All(lines, l => Assert.True(l.Length <= width, $"{l.Length} columns: {l}"));
        Assert.Matches($@"^j\s+gateway:eu-west-1:building-7\s+{e.ExecutionNumber}\s+IN_PROGRESS", lines[2]);
    }

    [Fact]
    public async Task Out_String_Width_80_keeps_every_key_column_whole()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j");
        sim.Store.AddExecution("j", "t1", "IN_PROGRESS");
        using var ps = PsSession.Start(sim);

        var r = ps.Run("(Get-IotJobExecution -JobId j | Out-String -Width 80) + (Get-IotJob j | Out-String -Width 80)");

        var lines = Lines((string)r.Output.Single().BaseObject);
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^j\s+t1\s+\d+\s+IN_PROGRESS$"));
        Assert.Contains(lines, l =>
            System.Text.RegularExpressions.Regex.IsMatch(l, @"^j\s+IN_PROGRESS\s+\d{4}-\d\d-\d\d \d\d:\d\d$")
        );
        Assert.All(lines, l => Assert.True(l.Length <= 80, $"{l.Length} columns: {l}"));
    }

    [Fact]
    public async Task Times_are_shown_in_UTC_and_say_so_in_tables_and_lists()
    {
        var created = new DateTimeOffset(2026, 8, 14, 9, 30, 5, TimeSpan.Zero);
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("old", "CANCELED", createdAt: created);
        using var ps = PsSession.StartWide(sim, 120);

        // A session in another time zone shows the same times: they are UTC, and labelled.
        ps.Render("Get-IotJob old; Get-IotJob old | Format-List");

        var lines = Lines(ps.Host.Text);
        Assert.Contains(lines, l => l.StartsWith("JobId") && l.Contains("Created (UTC)"));
        Assert.Contains(lines, l => l.StartsWith("old ") && l.Contains("2026-08-14 09:30"));
        Assert.Contains(lines, l =>
            System.Text.RegularExpressions.Regex.IsMatch(l, @"^CreatedAt\s+: 2026-08-14 09:30:05 UTC$")
        );
    }

    [Fact]
    public async Task Csv_exports_of_jobs_and_executions_are_readable()
    {
        await using var sim = await Sim.StartAsync();
        sim.Store.AddJob("j", "CANCELED", createdAt: new DateTimeOffset(2026, 8, 14, 9, 30, 5, TimeSpan.Zero));
        sim.Store.AddExecution("j", "t1", "QUEUED");
        sim.Store.AddExecution("j", "t2", "CANCELED");
        using var ps = PsSession.Start(sim);

        var r = ps.Run(
            "Get-IotJob j | ConvertTo-Csv; Stop-IotJobExecution -JobId j -ThingName t1 -StatusDetails @{ reason = "
                + "'rollback'; by = 'ops' }; "
                + "Get-IotJobExecution -JobId j -ThingName t1 | ConvertTo-Csv"
        );

        string csv = string.Join("\n", r.Output.Select(o => o.BaseObject));
        Assert.DoesNotContain("System.", csv);
        Assert.Contains(
            "\"arn:aws:iot:us-east-1:123456789012:thing/t1, arn:aws:iot:us-east-1:123456789012:thing/t2\"",
            csv
        );
        Assert.Contains("+00:00", csv);
        Assert.False(r.HadErrors, string.Join("\n", r.Errors));
        Assert.Contains("\"2 executions: 1 queued, 0 in progress, 0 succeeded, 0 failed, 1 canceled\"", csv);
        Assert.Contains("\"by=ops; reason=rollback\"", csv);
    }

    [Fact]
    public void Every_property_a_view_names_exists_on_its_type_and_each_type_has_a_table_and_a_list()
    {
        var doc = XDocument.Load(Path.Combine(BuiltModule.Folder, "IotJobs.format.ps1xml"));
        var views = doc.Descendants("View").ToList();

        foreach (var view in views)
        {
            var type = typeof(IotJobs.Model.IotJob).Assembly.GetType(
                view.Element("ViewSelectedBy")!.Element("TypeName")!.Value,
                throwOnError: true
            )!;
            foreach (var property in view.Descendants("PropertyName"))
                Assert.True(type.GetProperty(property.Value) != null, $"{type.Name} has no property {property.Value}");
        }
        foreach (var type in new[] { "IotJobs.Model.IotJob", "IotJobs.Model.IotJobExecution" })
        {
            var controls = views
                .Where(v => v.Element("ViewSelectedBy")!.Element("TypeName")!.Value == type)
                .Select(v => v.Elements().Last().Name.LocalName)
                .ToList();
            Assert.Equal(["TableControl", "ListControl"], controls);
        }
    }
}
