using System.Text;

namespace IotJobs.Help;

/// <summary>
/// Turns an about_ topic's markdown into the plain text Get-Help shows: headings in capitals,
/// text indented under them, code as written, links as their text.
/// </summary>
public static class AboutTopicWriter
{
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
                sb.Append("        ").AppendLine(line);
                continue;
            }
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
    /// Words to lines of at most 80 columns, the first indented 4, the rest as <paramref name="hanging"/>.
    /// </summary>
    private static void Wrap(StringBuilder sb, string text, string hanging)
    {
        const int Width = 80;
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
