using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using IotJobs.Completion;

namespace IotJobs.Tests.Completion;

/// <summary>$PSDefaultParameterValues read for completion as the engine binds it when the command runs.</summary>
public sealed class CommandDefaultsTests
{
    private static readonly KeyValuePair<string, string>[] Parameters =
    [
        .. new[] { "JobId", "ThingName", "Region", "ProfileName", "EndpointUrl", "Verbose" }.Select(
            n => new KeyValuePair<string, string>(n, n)
        ),
        new("vb", "Verbose"),
    ];

    private static IReadOnlyDictionary<string, object?> Of(
        Hashtable defaults,
        string command = "Get-IotJobExecution"
    ) => CommandDefaults.Of(defaults, command, Parameters);

    [Fact]
    public void Wildcards_in_the_command_and_in_the_parameter_name_match_as_the_engine_matches_them()
    {
        var found = Of(
            new Hashtable
            {
                ["*-IotJob*:EndpointUrl"] = "http://127.0.0.1:5055",
                ["Get-IotJobExecution:Reg*"] = "eu-west-1",
                ["Remove-*:ProfileName"] = "other-command",
                ["*:*Name"] = "fits two parameters",
                ["Get-IotJob*:VB"] = true,
                ["not a key"] = "ignored",
            }
        );

        Assert.Equal("http://127.0.0.1:5055", found["EndpointUrl"]);
        Assert.Equal("eu-west-1", found["Region"]);
        Assert.Equal(true, found["Verbose"]);
        Assert.False(found.ContainsKey("ProfileName"));
        Assert.False(found.ContainsKey("ThingName"));
    }

    [Fact]
    public void Entries_that_disagree_give_the_parameter_no_default_and_Disabled_turns_all_off()
    {
        var defaults = new Hashtable { ["*:Region"] = "eu-west-1", ["Get-IotJobExecution:Region"] = "us-east-1" };
        Assert.False(Of(defaults).ContainsKey("Region"));

        defaults = new Hashtable { ["*:Region"] = "eu-west-1", ["Get-IotJobExecution:Region"] = "eu-west-1" };
        Assert.Equal("eu-west-1", Of(defaults)["Region"]);

        defaults["Disabled"] = true;
        Assert.Empty(Of(defaults));
    }

    [Fact]
    public void A_script_block_default_is_run_for_its_value()
    {
        var before = Runspace.DefaultRunspace;
        using var runspace = RunspaceFactory.CreateRunspace();
        runspace.Open();
        Runspace.DefaultRunspace = runspace;
        try
        {
            Assert.Equal("eu-north-1", CommandDefaults.ValueOf(ScriptBlock.Create("'eu-north-1'")));
            Assert.Equal("plain", CommandDefaults.ValueOf(new PSObject("plain")));
        }
        finally
        {
            Runspace.DefaultRunspace = before;
        }
    }
}
