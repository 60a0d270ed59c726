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
var aboutTopics = Directory
    .GetFiles(docs, "about_*.help.md")
    .Select(f => (Name: Path.GetFileName(f)[..^".md".Length], Markdown: File.ReadAllText(f)))
    .ToList();

// Help that would break words or code in an 80-column console fails the build, saying where.
var problems = cmdletPages
    .SelectMany(HelpLayout.Problems)
    .Concat(aboutTopics.SelectMany(t => AboutTopicWriter.Problems(t.Name, t.Markdown)))
    .ToList();
foreach (var problem in problems)
    Console.Error.WriteLine(Path.Combine(docs, problem));
if (problems.Count > 0)
    return 1;
MamlWriter.Write(cmdletPages).Save(Path.Combine(output, "IotJobs.dll-Help.xml"));
foreach (var (name, markdown) in aboutTopics)
    File.WriteAllText(Path.Combine(output, name + ".txt"), AboutTopicWriter.Write(markdown));
Console.WriteLine($"Help: {cmdletPages.Count} cmdlet page(s) -> {output}");
return 0;
