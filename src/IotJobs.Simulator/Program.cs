using System.Runtime.InteropServices;
using IotJobs.Simulator;

// Standalone simulator: dotnet run --project src/IotJobs.Simulator -- --port 5055 --seed demo
SimulatorCommandLine command;
try
{
    command = SimulatorCommandLine.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(SimulatorCommandLine.Usage);
    return 2;
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

await using var simulator = await IotJobsSimulator.StartAsync(command.Options, command.Port);
if (command.Demo)
    DemoData.Seed(simulator.Store);
foreach (var line in Banner.Lines(simulator))
    Console.WriteLine(line);
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
