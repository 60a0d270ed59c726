using System.Text;

namespace IotJobs.Help;

/// <summary>
/// Turns an about_ topic's markdown into the plain text Get-Help shows: headings in capitals, text indented under
/// them and wrapped to fit an 80-column console (Get-Help shows the topic as it is, and a console wraps a longer
/// line back to its first column), code as written and indented, links as their text, HTML comments dropped.
/// </summary>
public static class AboutTopicWriter
{
    /// <summary>How far code is indented: under the text, which starts at 4.</summary>
    private const string CodeIndent = "        ";

    /// <summary>The longest line of code that fits, indented, in an 80-column console.</summary>
    public const int CodeWidth = HelpLayout.Columns - 8;

    /// <summary>The lines of code in a topic too long to fit, indented, in an 80-column console.</summary>
    public static IEnumerable<string> Problems(string topic, string markdown)
    {
        bool inCode = false;
        foreach (var line in markdown.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
                inCode = !inCode;
            else if (inCode && line.TrimEnd().Length > CodeWidth)
                yield return $"{topic}.md: a line of code longer than {CodeWidth}: {line.Trim()}";
        }
    }

    public static string Write(string markdown)
    {
        var sb = new StringBuilder();
        bool inCode = false,
            frontMatter = false;
        foreach (var raw in markdown.Replace("\r\n", "\n").Split('\n'))
        {
            string line = raw.TrimEnd();
            if (line == "---" && sb.Length == 0 && !frontMatter)
            {
                frontMatter = true;
                continue;
            }
            if (frontMatter)
            {
                if (line == "---")
                    frontMatter = false;
                continue;
            }
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inCode = !inCode;
                continue;
            }
            if (inCode)
            {
                sb.Append(CodeIndent).AppendLine(line);
                continue;
            }
            if (line.StartsWith("<!--", StringComparison.Ordinal) && line.EndsWith("-->", StringComparison.Ordinal))
                continue;
            if (line.StartsWith("# ", StringComparison.Ordinal))
            {
                sb.AppendLine("TOPIC").Append("    ").AppendLine(line[2..].Trim()).AppendLine();
                continue;
            }
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                sb.AppendLine(line[3..].Trim().ToUpperInvariant());
                continue;
            }
            if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                sb.Append("  ").AppendLine(line[4..].Trim());
                continue;
            }
            if (line.Length == 0)
                sb.AppendLine();
            else
                Wrap(sb, Plain(line), line.StartsWith("- ", StringComparison.Ordinal) ? "      " : "    ");
        }
        return sb.ToString();
    }

    /// <summary>
    /// Words to lines of at most <see cref="HelpLayout.Columns"/>, the first indented 4, the rest as
    /// <paramref name="hanging"/>.
    /// </summary>
    private static void Wrap(StringBuilder sb, string text, string hanging)
    {
        const int Width = HelpLayout.Columns;
        var line = new StringBuilder("    ");
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length + word.Length + 1 > Width && line.ToString().Trim().Length > 0)
            {
                sb.AppendLine(line.ToString().TrimEnd());
                line.Clear().Append(hanging);
            }
            if (line.ToString().Trim().Length > 0)
                line.Append(' ');
            line.Append(word);
        }
        sb.AppendLine(line.ToString().TrimEnd());
    }

    private static string Plain(string line)
    {
        var text = line.Replace("**", "").Replace("`", "");
        // [text](uri) -> text (uri)
        return System.Text.RegularExpressions.Regex.Replace(text, @"\[([^\]]+)\]\(([^)]+)\)", "$1 ($2)");
    }
}
