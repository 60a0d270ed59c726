using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text;

namespace IotJobs.Tests.Support;

/// <summary>
/// A bare TCP listener that answers every HTTP request with 200 and an empty ListJobs page (or the body it is
/// given), and remembers each connection and request line: for endpoints the simulator does not listen on (this
/// machine's own network address, the IPv6 loopback), where a test must tell whether anything was sent at all, and
/// for answers the simulator never gives.
/// </summary>
public sealed class CannedHttpListener : IDisposable
{
    private readonly string body;

    private readonly TcpListener listener;
    private readonly CancellationTokenSource stop = new();
    private readonly List<string> requestLines = [];
    private int connections;

    /// <param name="body">The JSON every request is answered with (ASCII).</param>
    public CannedHttpListener(IPAddress address, string body = """{"jobs":[]}""")
    {
        this.body = body;
        listener = new TcpListener(address, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        string host = address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
        Url = $"http://{host}:{port}";
        _ = AcceptAsync();
    }

    /// <summary>http://address:port, as -EndpointUrl takes it.</summary>
    public string Url { get; }

    /// <summary>Connections made so far, counting one still waiting to be accepted.</summary>
    public int Connections => Volatile.Read(ref connections) + (listener.Pending() ? 1 : 0);

    /// <summary>The first line of each request, e.g. "GET /jobs HTTP/1.1".</summary>
    public IReadOnlyList<string> RequestLines
    {
        get
        {
            lock (requestLines)
                return requestLines.ToArray();
        }
    }

    /// <summary>
    /// An address of this machine that is not a loopback one, as another machine would reach it: the module
    /// must treat it as remote. A machine without one cannot run the test, and the test fails saying so.
    /// </summary>
    public static IPAddress OwnNetworkAddress()
    {
        var addresses = NetworkInterface
            .GetAllNetworkInterfaces()
            .Where(n =>
                n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback
            )
            .SelectMany(n => n.GetIPProperties().UnicastAddresses.Select(u => u.Address))
            .Where(a => !IPAddress.IsLoopback(a) && !a.IsIPv6LinkLocal)
            .ToList();
        return addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
            ?? addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetworkV6)
            ?? throw new InvalidOperationException(
                "This machine has no network address besides loopback, so plain http to another machine's address "
                    + "cannot be tried here. Run this test on a machine with a network interface."
            );
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(stop.Token);
                Interlocked.Increment(ref connections);
                _ = AnswerAsync(client);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Stopped.
        }
    }

    /// <summary>Reads one request's head (a GET has no body) and answers it; one request per connection.</summary>
    private async Task AnswerAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            var head = new StringBuilder();
            var buffer = new byte[4096];
            while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                int read = await stream.ReadAsync(buffer, stop.Token);
                if (read == 0)
                    return;
                head.Append(Encoding.ASCII.GetString(buffer, 0, read));
            }
            lock (requestLines)
                requestLines.Add(head.ToString()[..head.ToString().IndexOf("\r\n", StringComparison.Ordinal)]);
            string answer =
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                + $"Content-Length: {body.Length}\r\nx-amzn-RequestId: {Guid.NewGuid()}\r\nConnection: close\r\n\r\n"
                + body;
            await stream.WriteAsync(Encoding.ASCII.GetBytes(answer), stop.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The test is over, or the client went away.
        }
    }
}
