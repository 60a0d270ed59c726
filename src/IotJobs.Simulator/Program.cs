using System.Globalization;
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
        case "--port": port = int.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--seed": demo = Next() == "demo"; break;
        case "--region": options.Region = Next(); break;
        case "--deletion-seconds": options.DeletionDuration = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)); break;
        case "--rate": options.DefaultRateLimit = double.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--latency-ms": options.Latency = TimeSpan.FromMilliseconds(double.Parse(Next(), CultureInfo.InvariantCulture)); break;
        default:
            Console.Error.WriteLine("usage: IotJobs.Simulator [--port N] [--seed demo] [--region R] [--deletion-seconds S] [--rate PER_SECOND] [--latency-ms MS]");
            return 2;
    }
}

await using var simulator = await IotJobsSimulator.StartAsync(options, port);
if (demo) DemoData.Seed(simulator.Store);
Console.WriteLine($"IoT Jobs simulator listening on {simulator.Endpoint} (region {options.Region}, {simulator.Store.JobCount} jobs).");
Console.WriteLine($"Sign requests with access key {SimulatorOptions.DefaultAccessKeyId} and secret key {SimulatorOptions.DefaultSecretAccessKey}. Ctrl+C stops.");
var stop = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.TrySetResult(); };
await stop.Task;
return 0;
