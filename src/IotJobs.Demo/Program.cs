using System.Management.Automation;
using System.Management.Automation.Runspaces;
using IotJobs.Hosting;
using IotJobs.Simulator;

// The tour always runs against the bundled simulator: it removes and cancels jobs, which is
// not something to do to a real account by way of a demo.
string manifest = BuiltModule.Manifest;
if (!File.Exists(manifest))
{
    Console.Error.WriteLine(
        $"The module is not built: {manifest} is missing. Run: dotnet build IotJobs.PowerShell.sln"
    );
    return 1;
}

await using var simulator = await IotJobsSimulator.StartAsync(
    new SimulatorOptions { DeletionDuration = TimeSpan.FromSeconds(2) }
);
DemoData.Seed(simulator.Store);
Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", SimulatorOptions.DefaultAccessKeyId);
Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", SimulatorOptions.DefaultSecretAccessKey);
Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", null);
Environment.SetEnvironmentVariable("AWS_REGION", simulator.Options.Region);
Environment.SetEnvironmentVariable("NO_COLOR", "1");

// An 80-column console that answers no prompts (the tour runs unattended); the demo's own lines go through it too.
var host = new ScriptedHost(
    new ScriptedHostOptions
    {
        Name = "IotJobsDemo",
        Width = 80,
        EchoToConsole = true,
    }
);
host.UI.WriteLine(
    $"IotJobs demo: a local IoT Jobs simulator at {simulator.Endpoint} with {simulator.Store.JobCount} jobs, "
        + "created days to months ago. Each step shows the command as you would type it; -EndpointUrl and -Region "
        + "point at the simulator through $PSDefaultParameterValues."
);

using var runspace = RunspaceFactory.CreateRunspace(host, InitialSessionState.CreateDefault2());
runspace.Open();
Run(
    $"$PSStyle.OutputRendering = 'PlainText'; Import-Module '{manifest}'; "
        + $"$PSDefaultParameterValues['*-IotJob*:EndpointUrl'] = '{simulator.Endpoint}'; "
        + $"$PSDefaultParameterValues['*-IotJob*:Region'] = '{simulator.Options.Region}'",
    show: false
);

var tour = new (string Title, string Script)[]
{
    ("Every job, at 80 columns: what decides a change first, times in UTC", "Get-IotJob"),
    ("One job by id is described in full, with its execution counts", "(Get-IotJob fw-2024-11-rollout).ProcessDetails"),
    (
        "Dry run of an age-based clean-up: the canceled jobs finished over 30 days ago",
        "Get-IotJob -Status CANCELED | Where-Object CompletedAt -lt (Get-Date).AddDays(-30) | Remove-IotJob -WhatIf"
    ),
    ("The executions on one device", "Get-IotJobExecution -ThingName sensor-03"),
    (
        "Cancel the queued executions of a rollout, and show them as they now are",
        "Get-IotJob fw-2024-11-rollout | Get-IotJobExecution | Where-Object Status -eq QUEUED "
            + "| Stop-IotJobExecution -PassThru"
    ),
    (
        "One word short: an execution piped to Remove-IotJob is refused, not taken for its whole job",
        "Get-IotJobExecution -JobId fw-2024-11-rollout -ThingName sensor-02 | Remove-IotJob -Force"
    ),
    (
        "An in-progress job is refused without -Force, with what would help",
        "Remove-IotJob fw-2024-11-rollout -Confirm:$false"
    ),
    (
        "The clean-up for real: 12 jobs, past the service's 10 deletions at once, scheduled as it goes "
            + "(the progress bar, as text)",
        "Get-IotJob -Status CANCELED | Where-Object CompletedAt -lt (Get-Date).AddDays(-30) "
            + "| Remove-IotJob -Force -Wait"
    ),
    ("What is left", "Get-IotJob"),
};
foreach (var (title, script) in tour)
{
    host.UI.WriteLine();
    host.UI.WriteLine($"# {title}");
    host.UI.WriteLine($"PS> {script}");
    Run(script, show: true);
}
return 0;

void Run(string script, bool show)
{
    using var ps = PowerShell.Create(runspace);
    ps.AddScript(script);
    if (show)
        ps.AddCommand("Out-Default");
    try
    {
        ps.Invoke();
    }
    catch (RuntimeException e)
    {
        host.UI.WriteLine(e.ErrorRecord.ErrorDetails?.Message ?? e.Message);
    }
    foreach (var error in ps.Streams.Error)
    {
        host.UI.WriteLine(
            $"ERROR [{error.FullyQualifiedErrorId}]: {error.ErrorDetails?.Message ?? error.Exception.Message}"
        );
        if (!string.IsNullOrEmpty(error.ErrorDetails?.RecommendedAction))
            host.UI.WriteLine("  Recommendation: " + error.ErrorDetails.RecommendedAction);
    }
}
