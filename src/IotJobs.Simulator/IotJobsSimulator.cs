using System.Collections.Concurrent;
using IotJobs.Simulator.Http;
using IotJobs.Simulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IotJobs.Simulator;

/// <summary>
/// A local IoT Jobs service on loopback. Every request is SigV4-checked, recorded, subjected to the
/// configured faults and rate limits, then applied to <see cref="Store"/>.
/// </summary>
public sealed class IotJobsSimulator : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly RequestPipeline pipeline;
    private readonly ConcurrentDictionary<string, JobStore> stores = new(StringComparer.Ordinal);
    private readonly QuirkSwitches startingQuirks;

    private IotJobsSimulator(WebApplication app, SimulatorOptions options)
    {
        this.app = app;
        Options = options;
        Faults = new FaultPlan(options.RandomSeed);
        Limits = new RateLimiter(options);
        startingQuirks = QuirkSwitches.Of(options);
        pipeline = new RequestPipeline(this);
    }

    public SimulatorOptions Options { get; }

    /// <summary>The jobs of the default account (<see cref="SimulatorOptions.AccountId"/>).</summary>
    public JobStore Store => StoreFor(Options.AccountId);

    /// <summary>The jobs of one account; an account's store is empty until something is added to it.</summary>
    public JobStore StoreFor(string accountId) => stores.GetOrAdd(accountId, id => new JobStore(Options, id));

    public FaultPlan Faults { get; }

    /// <summary>The rate limits in force, which the control plane changes while requests are served.</summary>
    internal RateLimiter Limits { get; }

    /// <summary>The base URL, e.g. http://127.0.0.1:5055.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => pipeline.Requests;

    public void ClearRequests() => pipeline.ClearRequests();

    /// <summary>
    /// Forgets every job, request and fault and goes back to the rate limits and quirks it started with; seeds
    /// the demo fleet again when asked.
    /// </summary>
    public void Reset(bool demo)
    {
        stores.Clear();
        pipeline.ClearRequests();
        Faults.Clear();
        Limits.Reset();
        startingQuirks.ApplyTo(Options);
        if (demo)
            DemoData.Seed(Store);
    }

    /// <summary>Starts listening on 127.0.0.1; port 0 picks a free port.</summary>
    public static async Task<IotJobsSimulator> StartAsync(SimulatorOptions? options = null, int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, port));
        var app = builder.Build();
        var simulator = new IotJobsSimulator(app, options ?? new SimulatorOptions());
        app.Run(simulator.pipeline.ServeAsync);
        await app.StartAsync().ConfigureAwait(false);
        var address = app
            .Services.GetRequiredService<IServer>()
            .Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.First();
        simulator.Endpoint = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        return simulator;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }
}
