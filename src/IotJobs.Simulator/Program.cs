using System.Globalization;
using System.Runtime.InteropServices;
using IotJobs.Simulator;

// Standalone simulator: dotnet run --project src/IotJobs.Simulator -- --port 5055 --seed demo
var options = new SimulatorOptions { LogToConsole = true };
int port = 5055;
bool demo = false;
for (int i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
    switch (args[i])
    {
        case "--port":
            port = int.Parse(Next(), CultureInfo.InvariantCulture);
            break;
        case "--seed":
            demo = Next() == "demo";
            break;
        case "--region":
            options.Region = Next();
            break;
        case "--account":
            options.AccountId = Next();
            break;
        case "--deletion-seconds":
            options.DeletionDuration = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture));
            break;
        case "--rate":
            options.DefaultRateLimit = double.Parse(Next(), CultureInfo.InvariantCulture);
            break;
        case "--latency-ms":
            options.Latency = TimeSpan.FromMilliseconds(double.Parse(Next(), CultureInfo.InvariantCulture));
            break;
        case "--quiet":
            options.LogToConsole = false;
            break;
        default:
            Console.Error.WriteLine(
                "usage: IotJobs.Simulator [--port N (0: any free port)] [--seed demo] [--region R] [--account ID] [--deletion-seconds S] "
                    + "[--rate PER_SECOND] [--latency-ms MS] [--quiet]"
            );
            return 2;
    }
}

// SIGTERM (kill, docker stop, CI runners) and SIGINT (Ctrl+C) both stop the simulator at once. A shell
// starts a background process with SIGINT ignored, and .NET then leaves it ignored: restore the default
// first, so `kill -INT` stops a simulator started with `&` too.
if (!OperatingSystem.IsWindows())
    _ = Signal(
        2 /* SIGINT */
        ,
        IntPtr.Zero /* SIG_DFL */
    );
var stop = new TaskCompletionSource();
using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var quit = PosixSignalRegistration.Create(PosixSignal.SIGQUIT, Stop);

await using var simulator = await IotJobsSimulator.StartAsync(options, port);
if (demo)
    DemoData.Seed(simulator.Store);
Console.WriteLine(
    $"IoT Jobs simulator listening on {simulator.Endpoint} (region {options.Region}, {simulator.Store.JobCount} jobs)."
);
Console.WriteLine(
    $"Sign requests with access key {SimulatorOptions.DefaultAccessKeyId} and secret key {SimulatorOptions.DefaultSecretAccessKey}. Ctrl+C stops."
);
await stop.Task;
Console.WriteLine("IoT Jobs simulator stopped.");
return 0;

void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.TrySetResult();
}

[DllImport("libc", EntryPoint = "signal")]
static extern IntPtr Signal(int signal, IntPtr handler);
