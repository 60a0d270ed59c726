using System.Text;

namespace IotJobs.Help;

/// <summary>
/// How help is laid out for an 80-column console. PowerShell's help views indent text by 4 or 8 columns and, in
/// every culture but English, French, German, Italian, Portuguese and Spanish, break a line that does not fit
/// wherever the width ends, in the middle of a word. So the help is written in lines that fit: paragraphs are
/// wrapped here, at words, for the deepest indentation they are shown at; what cannot be wrapped without changing
/// it (a synopsis, an example's title, a line of code) must fit as written, and <see cref="Problems"/> says where
/// one does not.
/// </summary>
public static class HelpLayout
{
    /// <summary>The console's width, less the column a console keeps free at the end of a line.</summary>
    public const int Columns = 79;

    /// <summary>Text shown under a heading: synopsis, description, example titles, code and remarks.</summary>
    public const int Indented = Columns - 4;

    /// <summary>Text shown one level deeper: parameter descriptions, inputs, outputs and notes.</summary>
    public const int Nested = Columns - 8;

    /// <summary>The dashes each side of an example's title, as PowerShell's own help has them; fewer to fit.</summary>
    private const int Dashes = 26;

    /// <summary>
    /// Words to lines of at most <paramref name="width"/> columns; a line break already in the text stays. A list
    /// item ("- ") continues under its text. A word longer than the width (a URL) keeps a line of its own.
    /// </summary>
    public static string Wrap(string text, int width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r\n", "\n").Split('\n'))
        {
            string hanging = paragraph.StartsWith("- ", StringComparison.Ordinal) ? "  " : "";
            var line = new StringBuilder();
            bool words = false;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (words && line.Length + 1 + word.Length > width)
                {
                    lines.Add(line.ToString());
                    line.Clear().Append(hanging);
                    words = false;
                }
                line.Append(words ? " " : "").Append(word);
                words = true;
            }
            lines.Add(line.ToString());
        }
        return string.Join("\n", lines);
    }

    /// <summary>An example's title between dashes, as wide as its line allows.</summary>
    public static string TitleLine(string title)
    {
        int dashes = Math.Min(Dashes, (Indented - title.Length - 2) / 2);
        string side = new('-', Math.Max(3, dashes));
        return $"{side} {title} {side}";
    }

    /// <summary>What in a cmdlet's page cannot be shown at 80 columns without breaking a word or code.</summary>
    public static IEnumerable<string> Problems(HelpPage page)
    {
        if (page.Synopsis.Length > Indented)
            yield return $"{page.Name}.md: its synopsis has {page.Synopsis.Length} characters; at most {Indented} fit.";
        foreach (var example in page.Examples)
        {
            if (TitleLine(example.Title).Length > Indented)
                yield return $"{page.Name}.md: the title '{example.Title}' is too long; at most {Indented - 8} fit.";
            foreach (var line in example.Code.Split('\n').Where(l => l.TrimEnd().Length > Indented))
                yield return $"{page.Name}.md, {example.Title}: a line of code longer than {Indented}: {line.Trim()}";
        }
    }
}
