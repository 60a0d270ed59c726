using IotJobs.Help;

// IotJobs.Help DOCS_FOLDER OUTPUT_FOLDER: docs/en-US/*.md -> IotJobs.dll-Help.xml and about_*.help.txt.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: IotJobs.Help DOCS_FOLDER OUTPUT_FOLDER");
    return 2;
}
var (docs, output) = (args[0], args[1]);
Directory.CreateDirectory(output);
var cmdletPages = Directory
    .GetFiles(docs, "*-*.md")
    .Order(StringComparer.Ordinal)
    .Select(f => MarkdownHelpReader.Read(File.ReadAllText(f)))
    .ToList();
MamlWriter.Write(cmdletPages).Save(Path.Combine(output, "IotJobs.dll-Help.xml"));
foreach (var about in Directory.GetFiles(docs, "about_*.help.md"))
    File.WriteAllText(
        Path.Combine(output, Path.GetFileName(about)[..^".md".Length] + ".txt"),
        AboutTopicWriter.Write(File.ReadAllText(about))
    );
Console.WriteLine($"Help: {cmdletPages.Count} cmdlet page(s) -> {output}");
return 0;
