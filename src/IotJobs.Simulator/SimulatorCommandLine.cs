using System.Globalization;
using IotJobs.Simulator.Http;

namespace IotJobs.Simulator;

/// <summary>The standalone simulator's command line: where it listens, what it holds, how it behaves.</summary>
internal sealed class SimulatorCommandLine
{
    public const string Usage = """
        usage: IotJobs.Simulator [options]
          --port N                        where to listen on 127.0.0.1 (default 5055; 0: any free port)
          --seed demo                     start with the demo fleet
          --region R                      the region requests must be signed for (default us-east-1)
          --account ID                    the account of the simulator's own credentials (default 123456789012)
          --deletion-seconds S            how long a deleted job stays DELETION_IN_PROGRESS (default 2)
          --latency-ms MS                 latency added to every request
          --rate N                        requests per second to each operation, for each account
          --operation-rate OPERATION=N    requests per second to one operation (e.g. DeleteJob=10)
          --account-rate ACCOUNT=N        requests per second to each operation, for one account
          --account-rate ACCOUNT/OPERATION=N   ... to one operation, for one account
          --quirk list-jobs-ignores-namespace   ListJobs ignores namespaceId, as some other implementations do
          --log-requests                  write a line per request (method, path, status) to the console
          --quiet                         requests are not written unless --log-requests: accepted, does nothing
        """;

    private SimulatorCommandLine() { }

    /// <summary>Requests are not written to the console unless asked: a person trying the module by hand may
    /// share the console with the simulator.</summary>
    public SimulatorOptions Options { get; } = new();

    public int Port { get; private set; } = 5055;

    public bool Demo { get; private set; }

    /// <exception cref="ArgumentException">An argument that is unknown, lacks its value or has a wrong one.</exception>
    public static SimulatorCommandLine Parse(IReadOnlyList<string> args)
    {
        var line = new SimulatorCommandLine();
        var options = line.Options;
        for (int i = 0; i < args.Count; i++)
        {
            string name = args[i];
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            switch (name)
            {
                case "--port":
                    line.Port = (int)Number(Next(), name, allowZero: true);
                    break;
                case "--seed":
                    line.Demo = Next() == "demo" ? true : throw new ArgumentException("--seed takes: demo.");
                    break;
                case "--region":
                    options.Region = Next();
                    break;
                case "--account":
                    options.AccountId = Next();
                    break;
                case "--deletion-seconds":
                    options.DeletionDuration = TimeSpan.FromSeconds(Number(Next(), name, allowZero: true));
                    break;
                case "--latency-ms":
                    options.Latency = TimeSpan.FromMilliseconds(Number(Next(), name, allowZero: true));
                    break;
                case "--rate":
                    options.DefaultRateLimit = Number(Next(), name);
                    break;
                case "--operation-rate":
                {
                    var (operation, rate) = Pair(Next(), name);
                    options.RateLimits[Operation(operation, name)] = rate;
                    break;
                }
                case "--account-rate":
                {
                    var (target, rate) = Pair(Next(), name);
                    var parts = target.Split('/', 2);
                    var account = options.AccountRateLimits.GetOrAdd(parts[0], _ => new AccountRateLimits());
                    if (parts.Length == 1)
                        account.DefaultRateLimit = rate;
                    else
                        account.RateLimits[Operation(parts[1], name)] = rate;
                    break;
                }
                case "--quirk":
                    options.ListJobsIgnoresNamespaceId =
                        Next() == "list-jobs-ignores-namespace"
                            ? true
                            : throw new ArgumentException("--quirk takes: list-jobs-ignores-namespace.");
                    break;
                case "--log-requests":
                    options.LogToConsole = true;
                    break;
                case "--quiet":
                    // Scripts written when requests were shown by default pass it.
                    break;
                default:
                    throw new ArgumentException($"Unknown argument {name}.");
            }
        }
        return line;
    }

    private static (string Name, double Rate) Pair(string value, string option)
    {
        int at = value.LastIndexOf('=');
        return at > 0
            ? (value[..at], Number(value[(at + 1)..], option))
            : throw new ArgumentException($"{option} takes NAME=N, not '{value}'.");
    }

    private static string Operation(string name, string option) =>
        OperationRoute.Names.Contains(name)
            ? name
            : throw new ArgumentException(
                $"{option}: '{name}' is not an operation of the simulator ({string.Join(", ", OperationRoute.Names)})."
            );

    private static double Number(string value, string option, bool allowZero = false) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
        && double.IsFinite(n)
        && (n > 0 || (allowZero && n == 0))
            ? n
            : throw new ArgumentException(
                $"{option} takes a number above {(allowZero ? "or at " : "")}0, not '{value}'."
            );
}
