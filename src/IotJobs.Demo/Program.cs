using System.Management.Automation;
using System.Management.Automation.Runspaces;
using IotJobs.Demo;
using IotJobs.Simulator;

// The tour always runs against the bundled simulator: it removes and cancels jobs, which is
// not something to do to a real account by way of a demo.
var root = FindRoot();
var manifest = Path.Combine(root, "out", "IotJobs", "IotJobs.psd1");
if (!File.Exists(manifest))
{
    Console.Error.WriteLine($"The module is not built: {manifest} is missing. Run: dotnet build IotJobs.PowerShell.sln");
    return 1;
}

await using var simulator = await IotJobsSimulator.StartAsync(new SimulatorOptions { DeletionDuration = TimeSpan.FromSeconds(2) });
DemoData.Seed(simulator.Store);
Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", SimulatorOptions.DefaultAccessKeyId);
Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", SimulatorOptions.DefaultSecretAccessKey);
Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", null);
Environment.SetEnvironmentVariable("AWS_REGION", simulator.Options.Region);
Environment.SetEnvironmentVariable("NO_COLOR", "1");

Console.WriteLine($"IotJobs demo: a local IoT Jobs simulator at {simulator.Endpoint} with {simulator.Store.JobCount} jobs.");
Console.WriteLine("Each step shows the command as you would type it (with -EndpointUrl pointing at the simulator).");

using var runspace = RunspaceFactory.CreateRunspace(new ConsoleHost(), InitialSessionState.CreateDefault2());
runspace.Open();
Run($"$PSStyle.OutputRendering = 'PlainText'; Import-Module '{manifest}'; $PSDefaultParameterValues['*-IotJob*:EndpointUrl'] = '{simulator.Endpoint}'", show: false);

var tour = new (string Title, string Script)[]
{
    ("Every job", "Get-IotJob"),
    ("One job by id is described in full, with its execution counts", "(Get-IotJob fw-2024-11-rollout).ProcessDetails"),
    ("Dry run: what would removing the canceled jobs do?", "Get-IotJob -Status CANCELED -JobId fw-2024-10-canary-0[1-3] | Remove-IotJob -WhatIf"),
    ("The executions on one device", "Get-IotJobExecution -ThingName sensor-03"),
    ("Cancel the queued executions of a rollout, and show them as they now are",
        "Get-IotJob fw-2024-11-rollout | Get-IotJobExecution | Where-Object Status -eq QUEUED | Stop-IotJobExecution -PassThru"),
    ("An in-progress job is refused without -Force, with the fix in the message",
        "Remove-IotJob fw-2024-11-rollout -Confirm:$false"),
    ("Remove all 12 canceled jobs, no prompts: more than the service's 10 deletions at once, so the module schedules them",
        "Get-IotJob -Status CANCELED | Remove-IotJob -Force -Wait -PassThru"),
    ("What is left", "Get-IotJob"),
};
foreach (var (title, script) in tour)
{
    Console.WriteLine();
    Console.WriteLine($"# {title}");
    Console.WriteLine($"PS> {script}");
    Run(script, show: true);
}
return 0;

void Run(string script, bool show)
{
    using var ps = PowerShell.Create(runspace);
    ps.AddScript(script);
    if (show) ps.AddCommand("Out-Default");
    try
    {
        ps.Invoke();
    }
    catch (RuntimeException e)
    {
        Console.WriteLine(e.ErrorRecord.ErrorDetails?.Message ?? e.Message);
    }
    foreach (var error in ps.Streams.Error)
        Console.WriteLine($"ERROR [{error.FullyQualifiedErrorId}]: {error.ErrorDetails?.Message ?? error.Exception.Message}");
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "IotJobs.PowerShell.sln"))) return dir.FullName;
    throw new InvalidOperationException("Run the demo from within the repository.");
}
