using System.Xml.Linq;

namespace IotJobs.Help;

/// <summary>
/// Writes cmdlet help pages as the MAML file Get-Help reads for a binary module, each paragraph wrapped for the
/// indentation its view gives it (<see cref="HelpLayout"/>).
/// </summary>
public static class MamlWriter
{
    private static readonly XNamespace Msh = "http://msh";
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    public static XDocument Write(IEnumerable<HelpPage> pages) =>
        new(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(Msh + "helpItems", new XAttribute("schema", "maml"), pages.Select(CommandElement))
        );

    private static XElement CommandElement(HelpPage page)
    {
        int dash = page.Name.IndexOf('-');
        return new XElement(
            Command + "command",
            new XAttribute(XNamespace.Xmlns + "maml", Maml),
            new XAttribute(XNamespace.Xmlns + "command", Command),
            new XAttribute(XNamespace.Xmlns + "dev", Dev),
            new XElement(
                Command + "details",
                new XElement(Command + "name", page.Name),
                new XElement(Command + "verb", page.Name[..dash]),
                new XElement(Command + "noun", page.Name[(dash + 1)..]),
                // Also shown in one-line lists (Get-Help *-IotJob*): never wrapped, it must fit as written.
                Description(int.MaxValue, page.Synopsis)
            ),
            Description(HelpLayout.Indented, page.Description.ToArray()),
            new XElement(Command + "syntax", page.Syntax.Select(s => SyntaxItem(page, s.Set))),
            new XElement(Command + "parameters", page.Parameters.Select(p => Parameter(p, p.UsageIn(null)))),
            new XElement(Command + "inputTypes", page.Inputs.Select(i => TypeElement("inputType", i))),
            new XElement(Command + "returnValues", page.Outputs.Select(o => TypeElement("returnValue", o))),
            new XElement(
                Maml + "alertSet",
                new XElement(Maml + "alert", page.Notes.Select(n => Para(n, HelpLayout.Nested)))
            ),
            new XElement(Command + "examples", page.Examples.Select(Example)),
            // As platyPS writes it: the online version first, which is what Get-Help -Online opens.
            new XElement(
                Command + "relatedLinks",
                (
                    page.OnlineVersion.Length == 0
                        ? page.RelatedLinks
                        : page.RelatedLinks.Prepend((Text: "Online Version:", Uri: page.OnlineVersion))
                ).Select(l => new XElement(
                    Maml + "navigationLink",
                    new XElement(Maml + "linkText", l.Text),
                    new XElement(Maml + "uri", l.Uri)
                ))
            )
        );
    }

    private static XElement SyntaxItem(HelpPage page, string? set) =>
        new(
            Command + "syntaxItem",
            new XElement(Maml + "name", page.Name),
            page.Parameters.Where(p => p.UsageIn(set) != null).Select(p => Parameter(p, p.UsageIn(set)))
        );

    private static XElement Parameter(HelpParameter p, ParameterUsage? usage)
    {
        bool required = usage?.Required ?? false;
        string position = usage?.Position ?? "Named";
        bool isSwitch = p.Type == "SwitchParameter";
        return new XElement(
            Command + "parameter",
            new XAttribute("required", required ? "true" : "false"),
            new XAttribute("variableLength", p.Type.EndsWith("[]", StringComparison.Ordinal) ? "true" : "false"),
            new XAttribute("globbing", p.Wildcards ? "true" : "false"),
            new XAttribute("pipelineInput", usage?.PipelineInput ?? "False"),
            new XAttribute("position", position.ToLowerInvariant() == "named" ? "named" : position),
            new XAttribute("aliases", p.Aliases.Length == 0 ? "none" : p.Aliases),
            new XElement(Maml + "name", p.Name),
            Description(HelpLayout.Nested, p.Description.ToArray()),
            isSwitch
                ? null
                : new XElement(
                    Command + "parameterValue",
                    new XAttribute("required", "true"),
                    new XAttribute("variableLength", "false"),
                    p.Type
                ),
            new XElement(Dev + "type", new XElement(Maml + "name", p.Type), new XElement(Maml + "uri")),
            new XElement(Dev + "defaultValue", p.DefaultValue)
        );
    }

    private static XElement TypeElement(string name, (string Type, string Description) t) =>
        new(
            Command + name,
            new XElement(Dev + "type", new XElement(Maml + "name", t.Type), new XElement(Maml + "uri")),
            Description(
                HelpLayout.Nested,
                t.Description.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)
            )
        );

    private static XElement Example(HelpExample e) =>
        new(
            Command + "example",
            new XElement(Maml + "title", HelpLayout.TitleLine(e.Title)),
            new XElement(Dev + "code", e.Code),
            // An empty paragraph last: a blank line between the remarks and the next example's title.
            new XElement(
                Dev + "remarks",
                e.Remarks.Select(r => Para(r, HelpLayout.Indented)).Append(new XElement(Maml + "para", ""))
            )
        );

    /// <param name="width">The columns the paragraphs may take where the views show them.</param>
    private static XElement Description(int width, params string[] paragraphs) =>
        new(Maml + "description", paragraphs.Select(p => Para(p, width)));

    private static XElement Para(string text, int width) =>
        new(Maml + "para", width == int.MaxValue ? text : HelpLayout.Wrap(text, width));
}
