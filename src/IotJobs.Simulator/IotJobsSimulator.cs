using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using IotJobs.Simulator.Auth;
using IotJobs.Simulator.Http;
using IotJobs.Simulator.State;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
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
    private readonly SigV4Verifier verifier;
    private readonly RateLimiter limiter;
    private readonly Operations operations;
    private readonly CredentialEndpoints credentialEndpoints;
    private readonly ControlEndpoints control;
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private readonly ConcurrentDictionary<string, JobStore> stores = new(StringComparer.Ordinal);
    private long sequence;

    private IotJobsSimulator(WebApplication app, SimulatorOptions options)
    {
        this.app = app;
        Options = options;
        Faults = new FaultPlan(options.RandomSeed);
        verifier = new SigV4Verifier(options);
        limiter = new RateLimiter(options);
        operations = new Operations(options);
        credentialEndpoints = new CredentialEndpoints(options);
        control = new ControlEndpoints(this);
    }

    public SimulatorOptions Options { get; }

    /// <summary>The jobs of the default account (<see cref="SimulatorOptions.AccountId"/>).</summary>
    public JobStore Store => StoreFor(Options.AccountId);

    /// <summary>The jobs of one account; an account's store is empty until something is added to it.</summary>
    public JobStore StoreFor(string accountId) => stores.GetOrAdd(accountId, id => new JobStore(Options, id));

    public FaultPlan Faults { get; }

    /// <summary>The base URL, e.g. http://127.0.0.1:5055.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => requests.ToArray();

    public void ClearRequests() => requests.Clear();

    /// <summary>Forgets every job, request and fault; seeds the demo fleet again when asked.</summary>
    public void Reset(bool demo)
    {
        stores.Clear();
        requests.Clear();
        Faults.Clear();
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
        app.Run(simulator.ServeAsync);
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

    private async Task ServeAsync(HttpContext context)
    {
        var body = await ReadBodyAsync(context.Request).ConfigureAwait(false);
        if (ControlEndpoints.Handles(context.Request.Path.Value ?? ""))
        {
            var (status, answer) = control.Serve(
                context.Request.Method,
                context.Request.Path.Value!,
                Encoding.UTF8.GetString(body)
            );
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer).ConfigureAwait(false);
            return;
        }
        var record = Record(context, body);
        if (CredentialEndpoints.Handles(record.Method, record.RawPath))
        {
            var (status, type, answer) = credentialEndpoints.Serve(
                record.Method,
                record.RawPath,
                record.Headers,
                (out string account) =>
                    verifier.Verify(
                        record.Method,
                        record.RawPath,
                        record.RawQuery,
                        record.Headers,
                        body,
                        out account,
                        expectedService: "sts"
                    ),
                record.Body
            );
            record.Operation = CredentialEndpoints.OperationOf(record.Method, record.RawPath, record.Body);
            record.Status = status;
            record.AnsweredAt = Options.Clock.GetUtcNow();
            context.Response.StatusCode = status;
            context.Response.ContentType = type;
            await context.Response.WriteAsync(answer).ConfigureAwait(false);
            return;
        }
        try
        {
            var route = OperationRoute.Match(record.Method, record.RawPath);
            record.Operation = route?.Operation;
            var authError = verifier.Verify(
                record.Method,
                record.RawPath,
                record.RawQuery,
                record.Headers,
                body,
                out string account
            );
            if (authError is not null)
                throw authError;
            if (route is null)
                throw new ServiceError(
                    System.Net.HttpStatusCode.NotFound,
                    "UnknownOperationException",
                    $"No operation at {record.Method} {record.RawPath}."
                );

            var (delay, fault) = Faults.Draw(route.Operation);
            delay += Options.Latency;
            if (delay > TimeSpan.Zero)
                await Task.Delay(delay, context.RequestAborted).ConfigureAwait(false);
            switch (fault?.Kind)
            {
                case FaultKind.ServiceUnavailable:
                    throw ServiceError.Unavailable();
                case FaultKind.Throttle:
                    throw ServiceError.Throttled();
                case FaultKind.Error:
                    throw new ServiceError((System.Net.HttpStatusCode)fault.Status, fault.ErrorType, fault.Message);
                case FaultKind.ConnectionReset when !fault.AfterApplying:
                    Reset(context, record);
                    return;
            }
            if (!limiter.TryAcquire(route.Operation))
                throw ServiceError.Throttled();

            var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
                operations.Execute(route, StoreFor(account), record.Query, Encoding.UTF8.GetString(body), writer);
            record.Applied = OperationRoute.IsMutating(route.Operation);
            if (fault?.Kind == FaultKind.ConnectionReset)
            {
                Reset(context, record);
                return;
            }
            await AnswerAsync(context, record, 200, null, buffer.ToArray()).ConfigureAwait(false);
        }
        catch (ServiceError error)
        {
            var json = JsonSerializer.SerializeToUtf8Bytes(
                new Dictionary<string, string> { ["message"] = error.Message }
            );
            await AnswerAsync(context, record, (int)error.Status, error.Type, json).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            record.Status = 0; // the client went away during injected latency
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private RecordedRequest Record(HttpContext context, byte[] body)
    {
        string target = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "/";
        int q = target.IndexOf('?', StringComparison.Ordinal);
        string rawPath = q < 0 ? target : target[..q],
            rawQuery = q < 0 ? "" : target[(q + 1)..];
        var record = new RecordedRequest
        {
            Sequence = Interlocked.Increment(ref sequence),
            ReceivedAt = Options.Clock.GetUtcNow(),
            Method = context.Request.Method,
            RawPath = rawPath,
            RawQuery = rawQuery,
            Query = rawQuery
                .Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Split('=', 2))
                .Select(p =>
                    KeyValuePair.Create(Uri.UnescapeDataString(p[0]), Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""))
                )
                .ToList(),
            Headers = context.Request.Headers.ToDictionary(
                h => h.Key.ToLowerInvariant(),
                h => h.Value.ToString(),
                StringComparer.Ordinal
            ),
            Body = Encoding.UTF8.GetString(body),
        };
        requests.Enqueue(record);
        return record;
    }

    private async Task AnswerAsync(
        HttpContext context,
        RecordedRequest record,
        int status,
        string? errorType,
        byte[] json
    )
    {
        record.Status = status;
        record.ErrorType = errorType;
        if (Options.RecordResponseBodies)
            record.ResponseBody = Encoding.UTF8.GetString(json);
        record.AnsweredAt = Options.Clock.GetUtcNow();
        var response = context.Response;
        response.StatusCode = status;
        response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        if (!string.IsNullOrEmpty(errorType))
            response.Headers["x-amzn-ErrorType"] = errorType;
        response.ContentType = "application/json";
        response.ContentLength = json.Length;
        if (Options.LogToConsole)
            Console.WriteLine(record);
        await response.Body.WriteAsync(json).ConfigureAwait(false);
    }

    private void Reset(HttpContext context, RecordedRequest record)
    {
        record.Status = 0;
        record.AnsweredAt = Options.Clock.GetUtcNow();
        if (Options.LogToConsole)
            Console.WriteLine(record);
        context.Abort();
    }
}
