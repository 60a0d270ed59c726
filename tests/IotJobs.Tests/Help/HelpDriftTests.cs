using System.Management.Automation;
using IotJobs.Help;
using IotJobs.Tests.Support;

namespace IotJobs.Tests.Help;

/// <summary>A page that drifts from its cmdlet's real parameters and parameter sets fails here.</summary>
public sealed class HelpDriftTests
{
    private static readonly HashSet<string> CommonParameters =
    [
        "Verbose",
        "Debug",
        "ErrorAction",
        "WarningAction",
        "InformationAction",
        "ProgressAction",
        "ErrorVariable",
        "WarningVariable",
        "InformationVariable",
        "OutVariable",
        "OutBuffer",
        "PipelineVariable",
    ];

    public static TheoryData<string> Cmdlets() => new(CmdletNames.All);

    [Fact]
    public void Every_exported_cmdlet_has_a_page_and_every_page_a_cmdlet()
    {
        var pages = Directory
            .GetFiles(HelpPages.Folder, "*-*.md")
            .Select(f => Path.GetFileNameWithoutExtension(f))
            .Order();

        Assert.Equal(CmdletNames.All.Order(), pages);
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void The_page_states_the_real_parameters(string cmdlet)
    {
        var page = HelpPages.Read(cmdlet);
        var command = CommandOf(cmdlet);
        var real = command.Parameters.Values.Where(p => !CommonParameters.Contains(p.Name) && !Hidden(p)).ToList();

        Assert.Equal(cmdlet, page.Name);
        Assert.Equal(real.Select(p => p.Name).Order(), page.Parameters.Select(p => p.Name).Order());
        foreach (var parameter in real)
        {
            var documented = page.Parameters.Single(p => p.Name == parameter.Name);
            Assert.True(documented.Description.Count > 0, $"-{parameter.Name} has no description");
            Assert.Equal(TypeName(parameter.ParameterType), documented.Type);
            Assert.Equal(string.Join(", ", parameter.Aliases), documented.Aliases);
            foreach (var (set, usage) in parameter.ParameterSets)
            {
                string name = set == ParameterAttribute.AllParameterSets ? "(All)" : set;
                var stated = documented.Usages.FirstOrDefault(u => u.Sets.Contains(name));
                Assert.True(stated != null, $"-{parameter.Name} in set {name} is not documented");
                Assert.Equal(
                    (
                        usage.IsMandatory,
                        usage.Position == int.MinValue ? "Named" : usage.Position.ToString(),
                        Pipeline(usage)
                    ),
                    (stated!.Required, stated.Position, stated.PipelineInput)
                );
            }
            Assert.Equal(parameter.ParameterSets.Count, documented.Usages.Sum(u => u.Sets.Count));
        }
    }

    [Theory]
    [MemberData(nameof(Cmdlets))]
    public void The_page_states_the_real_parameter_sets(string cmdlet)
    {
        var page = HelpPages.Read(cmdlet);
        var command = CommandOf(cmdlet);

        if (command.ParameterSets.Count == 1)
        {
            var only = Assert.Single(page.Syntax);
            Assert.Null(only.Set);
        }
        else
        {
            Assert.Equal(
                command.ParameterSets.Select(s => (s.Name, s.IsDefault)).OrderBy(s => s.Name),
                page.Syntax.Select(s => (s.Set!, s.IsDefault)).OrderBy(s => s.Item1)
            );
        }
        foreach (var (set, isDefault, line) in page.Syntax)
        {
            var real = set == null ? command.ParameterSets[0] : command.ParameterSets.Single(s => s.Name == set);
            foreach (
                var p in real.Parameters.Where(p =>
                    !CommonParameters.Contains(p.Name)
                    && !command.Parameters[p.Name].Attributes.OfType<ParameterAttribute>().Any(a => a.DontShow)
                )
            )
                Assert.Contains($"-{p.Name}", line);
        }
    }

    private static CommandInfo CommandOf(string cmdlet)
    {
        using var ps = PsSession.Start(null);
        return (CommandInfo)ps.Run($"Get-Command {cmdlet}").Output.Single().BaseObject;
    }

    /// <summary>
    /// A parameter for the pipeline only (InputObject): not on the page, as not in Get-Help's syntax.
    /// </summary>
    private static bool Hidden(ParameterMetadata p) => p.Attributes.OfType<ParameterAttribute>().Any(a => a.DontShow);

    private static string TypeName(Type type) => (Nullable.GetUnderlyingType(type) ?? type).Name;

    private static string Pipeline(ParameterSetMetadata usage) =>
        (usage.ValueFromPipelineByPropertyName, usage.ValueFromPipeline) switch
        {
            (true, true) => "True (ByPropertyName, ByValue)",
            (true, false) => "True (ByPropertyName)",
            (false, true) => "True (ByValue)",
            _ => "False",
        };
}
