using System.Text;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace IotJobs.Help;

/// <summary>
/// Reads a cmdlet page in platyPS 0.14 markdown: the front matter, then ## sections in their fixed order.
/// </summary>
public static class MarkdownHelpReader
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

    public static HelpPage Read(string markdown)
    {
        var page = new HelpPage();
        string section = "",
            sub = "";
        HelpExample? example = null;
        HelpParameter? parameter = null;
        foreach (var block in Markdown.Parse(markdown, Pipeline))
        {
            switch (block)
            {
                case YamlFrontMatterBlock front:
                    foreach (var line in front.Lines.ToString().Split('\n'))
                        if (line.StartsWith("online version:", StringComparison.Ordinal))
                            page.OnlineVersion = line["online version:".Length..].Trim();
                    break;
                case HeadingBlock { Level: 1 } h:
                    page.Name = Text(h.Inline);
                    break;
                case HeadingBlock { Level: 2 } h:
                    section = Text(h.Inline);
                    sub = "";
                    break;
                case HeadingBlock { Level: 3 } h:
                    sub = Text(h.Inline);
                    if (section == "EXAMPLES")
                        page.Examples.Add(example = new HelpExample { Title = sub });
                    if (section == "PARAMETERS" && sub.StartsWith('-'))
                        page.Parameters.Add(parameter = new HelpParameter { Name = sub[1..] });
                    if (section == "INPUTS")
                        page.Inputs.Add((sub, ""));
                    if (section == "OUTPUTS")
                        page.Outputs.Add((sub, ""));
                    break;
                case FencedCodeBlock code:
                    string content = code.Lines.ToString().TrimEnd();
                    if (section == "SYNTAX")
                    {
                        bool isDefault = sub.EndsWith(" (Default)", StringComparison.Ordinal);
                        string? set =
                            sub.Length == 0 ? null
                            : isDefault ? sub[..^" (Default)".Length]
                            : sub;
                        page.Syntax.Add((set, isDefault, content));
                    }
                    else if (section == "EXAMPLES" && example != null)
                        example.Code = content;
                    else if (section == "PARAMETERS" && parameter != null)
                        ReadYaml(parameter, content);
                    break;
                case ParagraphBlock p:
                    AddParagraph(page, section, sub, example, parameter, Text(p.Inline));
                    break;
                case ListBlock list when section == "RELATED LINKS":
                    foreach (var link in list.Descendants<LinkInline>())
                        page.RelatedLinks.Add((Text(link), link.Url ?? ""));
                    break;
                case ListBlock list:
                    foreach (var item in list.OfType<ListItemBlock>())
                    foreach (var p in item.Descendants<ParagraphBlock>())
                        AddParagraph(page, section, sub, example, parameter, "- " + Text(p.Inline));
                    break;
            }
        }
        return page;
    }

    private static void AddParagraph(
        HelpPage page,
        string section,
        string sub,
        HelpExample? example,
        HelpParameter? parameter,
        string text
    )
    {
        switch (section)
        {
            case "SYNOPSIS":
                page.Synopsis = text;
                break;
            case "DESCRIPTION":
                page.Description.Add(text);
                break;
            case "EXAMPLES":
                example?.Remarks.Add(text);
                break;
            case "PARAMETERS" when sub.StartsWith('-'):
                parameter?.Description.Add(text);
                break;
            case "INPUTS":
                Describe(page.Inputs, text);
                break;
            case "OUTPUTS":
                Describe(page.Outputs, text);
                break;
            case "NOTES":
                page.Notes.Add(text);
                break;
        }
    }

    private static void Describe(List<(string Type, string Description)> list, string text)
    {
        if (list.Count == 0)
            return;
        var (type, description) = list[^1];
        list[^1] = (type, description.Length == 0 ? text : description + Environment.NewLine + text);
    }

    private static void ReadYaml(HelpParameter parameter, string yaml)
    {
        var usage = new ParameterUsage();
        parameter.Usages.Add(usage);
        foreach (var line in yaml.Split('\n'))
        {
            int colon = line.IndexOf(':');
            if (colon < 0)
                continue;
            string key = line[..colon].Trim(),
                value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "Type":
                    parameter.Type = value;
                    break;
                case "Parameter Sets":
                    usage.Sets.AddRange(
                        value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    );
                    break;
                case "Aliases":
                    parameter.Aliases = value;
                    break;
                case "Required":
                    usage.Required = value == "True";
                    break;
                case "Position":
                    usage.Position = value;
                    break;
                case "Default value":
                    parameter.DefaultValue = value;
                    break;
                case "Accept pipeline input":
                    usage.PipelineInput = value;
                    break;
                case "Accept wildcard characters":
                    parameter.Wildcards = value == "True";
                    break;
            }
        }
    }

    /// <summary>
    /// The plain text of inline content: code spans and emphasis lose their marks, links keep their text.
    /// </summary>
    private static string Text(ContainerInline? inlines)
    {
        var sb = new StringBuilder();
        for (var inline = inlines?.FirstChild; inline != null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    sb.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    sb.Append(code.Content);
                    break;
                case LineBreakInline:
                    sb.Append(' ');
                    break;
                case ContainerInline container:
                    sb.Append(Text(container));
                    break;
            }
        }
        return sb.ToString().Trim();
    }
}
