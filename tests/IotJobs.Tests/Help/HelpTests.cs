using System.Management.Automation;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Help;

/// <summary>Get-Help works in the built module as users call it.</summary>
public sealed class HelpTests
{
    public static TheoryData<string> Cmdlets() => new(CmdletNames.All);

    [Fact]
    public void Get_Help_Full_shows_the_synopsis_every_parameter_description_and_the_examples()
    {
        using var ps = PsSession.StartWide(null, 400);
        var page = HelpPages.Read("Remove-IotJob");

        ps.Render("Get-Help Remove-IotJob -Full");

        // Paragraphs are wrapped for an 80-column console: read as flowing text, each is there whole.
        string text = Flat(ps.Host.Text);
        Assert.Contains("Remove-IotJob", text);
        Assert.Contains(page.Synopsis, text);
        foreach (var p in page.Parameters)
        {
            Assert.Contains($"-{p.Name}", text);
            Assert.Contains(Flat(p.Description[0]), text);
        }
        foreach (var e in page.Examples)
        {
            Assert.Contains(e.Title, text);
            Assert.Contains(e.Code.Split('\n')[0], text);
        }
        Assert.Contains("Required? true", text);
        Assert.Contains("Accept pipeline input? True (ByPropertyName, ByValue)", text);
    }

    private static string Flat(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Every_cmdlet_has_help_with_a_dry_run_a_pipeline_and_a_runbook_example(string cmdlet)
    {
        using var ps = PsSession.Start(null);

        var help = Assert.Single(ps.Run($"Get-Help {cmdlet} -Full").Output);

        Assert.Equal(HelpPages.Read(cmdlet).Synopsis, help.Properties["Synopsis"].Value?.ToString()?.Trim());
        var codes = ((object[])((PSObject)help.Properties["examples"].Value).Properties["example"].Value)
            .Select(e => ((PSObject)e).Properties["code"].Value.ToString()!)
            .ToList();
        Assert.True(codes.Count >= 3, $"{cmdlet} has {codes.Count} examples");
        Assert.Contains(codes, c => c.Contains("-WhatIf") || cmdlet.StartsWith("Get-"));
        Assert.Contains(codes, c => c.Contains('|'));
        Assert.Contains(codes, c => c.Contains("-ErrorAction") || c.Contains("-ErrorVariable"));
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void Get_Help_Online_has_somewhere_to_go_and_related_links_are_URIs_or_plain_names(string cmdlet)
    {
        using var ps = PsSession.Start(null);

        var r = ps.Run(
            $"(Get-Command {cmdlet}).HelpUri; (Get-Help {cmdlet}).relatedLinks.navigationLink | "
                + "ForEach-Object { \"$($_.linkText)|$($_.uri)\" }"
        );

        var lines = r.Output.Select(o => o.ToString()).ToList();
        string helpUri = lines[0];
        Assert.Equal(HelpPages.Read(cmdlet).OnlineVersion, helpUri);
        Assert.True(Uri.TryCreate(helpUri, UriKind.Absolute, out var online) && online.Scheme == "https", helpUri);
        // Get-Help -Online opens the first link that has a URI: the online version.
        Assert.Equal($"Online Version:|{helpUri}", lines[1]);
        foreach (var link in lines.Skip(2))
        {
            string uri = link[(link.IndexOf('|') + 1)..];
            Assert.True(
                uri.Length == 0 || (Uri.TryCreate(uri, UriKind.Absolute, out var u) && u.Scheme == "https"),
                link
            );
        }
    }

    [Fact]
    public void The_about_topic_explains_the_safety_model_the_limit_and_credentials()
    {
        using var ps = PsSession.StartWide(null, 400);

        ps.Render("Get-Help about_IotJobs");

        Assert.Contains("THE SAFETY MODEL", ps.Host.Text);
        Assert.Contains("-Force is not -Confirm:$false", ps.Host.Text);
        Assert.Contains("THE DELETION LIMIT", ps.Host.Text);
        Assert.Contains("CREDENTIALS AND REGION", ps.Host.Text);
    }
}
