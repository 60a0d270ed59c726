namespace IotJobs.Bench;

/// <summary>The printed tables (Markdown, as docs/PERFORMANCE.md keeps them) and the checks behind them.</summary>
internal static class Table
{
    public static string Met(bool met) => met ? "yes" : "NO";

    /// <summary>A row that is only there to compare with another has no goal of its own.</summary>
    public const string NoGoal = "(comparison)";

    public const string NotJudged = "-";

    /// <summary>Stops the benchmark: a row whose work went wrong measures nothing worth printing.</summary>
    public static void Check(bool ok, string what)
    {
        if (!ok)
            throw new InvalidOperationException(what);
    }

    /// <summary>A Markdown table; a '|' in a cell (the budget's "input | mode") is escaped, as Markdown asks.</summary>
    public static void Print(string[] header, List<string[]> rows)
    {
        header = Escaped(header);
        rows = rows.Select(Escaped).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Max(r => r[i].Length))).ToArray();
        string Line(string[] cells) => "| " + string.Join(" | ", cells.Select((c, i) => c.PadRight(widths[i]))) + " |";
        Console.WriteLine();
        Console.WriteLine(Line(header));
        Console.WriteLine("|" + string.Join("|", widths.Select(w => new string('-', w + 2))) + "|");
        foreach (var row in rows)
            Console.WriteLine(Line(row));
        Console.WriteLine();
    }

    private static string[] Escaped(string[] cells) => cells.Select(c => c.Replace("|", "\\|")).ToArray();
}
