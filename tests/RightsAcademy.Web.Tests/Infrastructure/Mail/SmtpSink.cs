using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Storage;
using SinkResponse = SmtpServer.Protocol.SmtpResponse;
using SinkServer = SmtpServer.SmtpServer;

namespace RightsAcademy.Web.Tests.Infrastructure.Mail;

/// <summary>A message as the SMTP server received it: envelope and raw bytes.</summary>
public sealed record ReceivedMail(string From, IReadOnlyList<string> Recipients, byte[] Raw)
{
    public string RawText => Encoding.UTF8.GetString(Raw);

    public MimeMessage Message
    {
        get
        {
            using var stream = new MemoryStream(Raw);
            return MimeMessage.Load(stream);
        }
    }

    /// <summary>The header block as sent, one header per line (folded lines joined).</summary>
    public IReadOnlyList<string> HeaderLines
    {
        get
        {
            var head = RawText.Split("\r\n\r\n", 2)[0];
            return head.Replace("\r\n ", " ", StringComparison.Ordinal).Replace("\r\n\t", " ", StringComparison.Ordinal).Split("\r\n");
        }
    }
}

/// <summary>
/// A real SMTP server (the SmtpServer package) on 127.0.0.1 that keeps what it receives. Tests can make it refuse
/// recipients (5xx), defer messages (4xx) or answer too late, and stop and start it on the same port.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedMail> _received = new();
    private SinkServer? _server;
    private CancellationTokenSource? _stop;
    private Task? _running;

    public SmtpSink(int port) => Port = port;

    public int Port { get; }

    public IReadOnlyList<ReceivedMail> Received => [.. _received];

    /// <summary>Recipients refused at RCPT TO with 550.</summary>
    public ConcurrentDictionary<string, bool> RefusedRecipients { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Replies to the message data with 451 this many more times, then accepts.</summary>
    public int DeferNext { get; set; }

    /// <summary>Keeps the message and waits this long before replying, e.g. longer than the client waits.</summary>
    public TimeSpan ReplyDelay { get; set; }

    public bool IsRunning => _server is not null;

    /// <summary>A port nobody listens on right now: connecting to it is refused until a sink starts there.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task StartAsync()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("sink.test")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        services.Add(new Filter(this));
        // Replies without the 40 ms Nagle stall per message (see the bench's NoDelayEndpoints), as a real server answers.
        services.Add(new RightsAcademy.Bench.NoDelayEndpoints());
        _stop = new CancellationTokenSource();
        _server = new SinkServer(options, services);
        _running = _server.StartAsync(_stop.Token);
        await WaitUntilListeningAsync();
    }

    public async Task StopAsync()
    {
        if (_server is null)
        {
            return;
        }

        await _stop!.CancelAsync();
        try
        {
            await _running!;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
        _server = null;
    }

    public IReadOnlyList<ReceivedMail> To(string address) =>
        [.. Received.Where(m => m.Recipients.Contains(address, StringComparer.OrdinalIgnoreCase))];

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task WaitUntilListeningAsync()
    {
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new InvalidOperationException($"The SMTP sink did not start on port {Port}.");
    }

    private sealed class Store(SmtpSink sink) : MessageStore
    {
        public override async Task<SinkResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (sink.DeferNext > 0)
            {
                sink.DeferNext--;
                return new SinkResponse((SmtpServer.Protocol.SmtpReplyCode)451, "Try again later");
            }

            sink._received.Enqueue(new ReceivedMail(
                transaction.From.AsAddress(), [.. transaction.To.Select(t => t.AsAddress())], buffer.ToArray()));
            if (sink.ReplyDelay > TimeSpan.Zero)
            {
                await Task.Delay(sink.ReplyDelay, CancellationToken.None);
            }

            return SinkResponse.Ok;
        }
    }

    private sealed class Filter(SmtpSink sink) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) =>
            Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(!sink.RefusedRecipients.ContainsKey(to.AsAddress()));
    }
}
