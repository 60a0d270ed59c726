using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Runtime.Loader;
using IotJobs.Simulator;

// IotJobs.ProcessProbe imports MANIFEST          -> the assemblies loaded after Import-Module, Get-Command and Get-Help
// IotJobs.ProcessProbe coexist MANIFEST          -> loads AWSSDK.Core 3.7 first, then removes jobs with the module
// IotJobs.ProcessProbe run MANIFEST SCRIPT -> imports the module and runs the script, in this process's environment
// Each loaded assembly is printed as "assembly NAME VERSION CONTEXT".
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: IotJobs.ProcessProbe (imports|coexist|run) MANIFEST [SCRIPT]");
    return 2;
}
string manifest = args[1];

if (args[0] == "coexist")
    await Coexist(manifest);
else if (args[0] == "run")
    Run($"Import-Module '{manifest}' -ErrorAction Stop; {args[2]}");
else
    Run(
        $"Import-Module '{manifest}' -ErrorAction Stop; "
            + "$null = Get-Command -Module IotJobs; $null = Get-Help Remove-IotJob -Full"
    );
foreach (
    var a in AppDomain
        .CurrentDomain.GetAssemblies()
        .Where(a => a.GetName().Name!.StartsWith("AWSSDK") || a.GetName().Name!.StartsWith("IotJobs."))
)
    Console.WriteLine(
        $"assembly {a.GetName().Name} {a.GetName().Version} {AssemblyLoadContext.GetLoadContext(a)?.Name}"
    );
return 0;

// Its own method, so that the imports mode never loads the AWSSDK.Core 3.7 this one uses.
static async Task Coexist(string manifest)
{
    // What a session that imported AWS.Tools first holds: its AWSSDK.Core in the default context.
    var theirs = typeof(Amazon.Runtime.AWSCredentials).Assembly;
    Console.WriteLine($"preloaded {theirs.GetName().Name} {theirs.GetName().Version}");
    await using var sim = await IotJobsSimulator.StartAsync();
    foreach (var id in new[] { "old-1", "old-2" })
        sim.Store.AddJob(id, "CANCELED");
    Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", SimulatorOptions.DefaultAccessKeyId);
    Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", SimulatorOptions.DefaultSecretAccessKey);
    Run(
        $"Import-Module '{manifest}' -ErrorAction Stop; "
            + $"Get-IotJob -EndpointUrl {sim.Endpoint} -Region us-east-1 | "
            + $"Remove-IotJob -EndpointUrl {sim.Endpoint} -Region us-east-1 -Force -PassThru | "
            + "ForEach-Object { 'removed ' + $_.JobId }"
    );
    Console.WriteLine($"deleting {sim.Store.DeletionsInProgress}");
}

static void Run(string script)
{
    using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
    runspace.Open();
    using var ps = PowerShell.Create(runspace);
    foreach (var o in ps.AddScript(script).Invoke())
        Console.WriteLine(o);
    foreach (var e in ps.Streams.Error)
    {
        Console.WriteLine($"error {e.FullyQualifiedErrorId}: {e.ErrorDetails?.Message ?? e.Exception.Message}");
        if (!string.IsNullOrEmpty(e.ErrorDetails?.RecommendedAction))
            Console.WriteLine($"recommendation {e.ErrorDetails.RecommendedAction}");
    }
}
