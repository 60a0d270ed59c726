using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using IotJobs.Simulator.Auth;
using Microsoft.AspNetCore.Http;

namespace IotJobs.Simulator.Http;

/// <summary>
/// What happens to each request: the control plane and the credential services are served apart; an IoT
/// request is recorded, SigV4-checked, subjected to the injected faults and the rate limits, then applied to
/// the signer's account and answered as the service answers.
/// </summary>
internal sealed class RequestPipeline
{
    private readonly IotJobsSimulator simulator;
    private readonly SigV4Verifier verifier;
    private readonly Operations operations;
    private readonly CredentialEndpoints credentialEndpoints;
    private readonly ControlEndpoints control;
    private readonly ConcurrentQueue<RecordedRequest> requests = new();
    private long sequence;

    public RequestPipeline(IotJobsSimulator simulator)
    {
        this.simulator = simulator;
        var options = simulator.Options;
        verifier = new SigV4Verifier(options);
        operations = new Operations(options);
        credentialEndpoints = new CredentialEndpoints(options);
        control = new ControlEndpoints(simulator);
    }

    /// <summary>Every request received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => requests.ToArray();

    public void ClearRequests() => requests.Clear();

    public async Task ServeAsync(HttpContext context)
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
            record.Operation = CredentialEndpoints.OperationOf(record.Method, record.RawPath, record.Body);
            // STS is faulted only with 503s: enough to see who retries an unanswered account question.
            if (
                record.Operation is string sts
                && simulator.Faults.Draw(sts).Failure is { Kind: FaultKind.ServiceUnavailable }
            )
            {
                record.Status = 503;
                record.AnsweredAt = simulator.Options.Clock.GetUtcNow();
                context.Response.StatusCode = 503;
                context.Response.ContentType = "text/xml";
                await context
                    .Response.WriteAsync(CredentialEndpoints.StsError("ServiceUnavailable", "Service unavailable."))
                    .ConfigureAwait(false);
                return;
            }
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
            record.Status = status;
            record.AnsweredAt = simulator.Options.Clock.GetUtcNow();
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

            var (delay, fault) = simulator.Faults.Draw(route.Operation);
            delay += simulator.Options.Latency;
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
                    Drop(context, record);
                    return;
            }
            if (!simulator.Limits.TryAcquire(account, route.Operation))
                throw ServiceError.Throttled();

            var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
                operations.Execute(
                    route,
                    simulator.StoreFor(account),
                    record.Query,
                    Encoding.UTF8.GetString(body),
                    writer
                );
            record.Applied = OperationRoute.IsMutating(route.Operation);
            if (fault?.Kind == FaultKind.ConnectionReset)
            {
                Drop(context, record);
                return;
            }
            await AnswerAsync(context, record, 200, null, buffer.ToArray()).ConfigureAwait(false);
        }
        catch (ServiceError error)
        {
            var members = new Dictionary<string, string> { ["message"] = error.Message };
            foreach (var (name, value) in error.Members)
                members[name] = value;
            var json = JsonSerializer.SerializeToUtf8Bytes(members);
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
        var record = RecordedRequest.Of(
            context,
            body,
            Interlocked.Increment(ref sequence),
            simulator.Options.Clock.GetUtcNow()
        );
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
        if (simulator.Options.RecordResponseBodies)
            record.ResponseBody = Encoding.UTF8.GetString(json);
        record.AnsweredAt = simulator.Options.Clock.GetUtcNow();
        var response = context.Response;
        response.StatusCode = status;
        response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        if (!string.IsNullOrEmpty(errorType))
            response.Headers["x-amzn-ErrorType"] = errorType;
        response.ContentType = "application/json";
        response.ContentLength = json.Length;
        if (simulator.Options.LogToConsole)
            Console.WriteLine(record);
        await response.Body.WriteAsync(json).ConfigureAwait(false);
    }

    private void Drop(HttpContext context, RecordedRequest record)
    {
        record.Status = 0;
        record.AnsweredAt = simulator.Options.Clock.GetUtcNow();
        if (simulator.Options.LogToConsole)
            Console.WriteLine(record);
        context.Abort();
    }
}
