using System.Buffers;
using System.Net;
using SmtpServer;
using SmtpServer.Storage;
using SinkResponse = SmtpServer.Protocol.SmtpResponse;
using SinkServer = SmtpServer.SmtpServer;

namespace RightsAcademy.Bench;

/// <summary>An SMTP server on 127.0.0.1 that accepts every message and keeps only a count: the mail load's far end.</summary>
internal static class SmtpSink
{
    private static long _received;

    public static long Received => Interlocked.Read(ref _received);

    public static async Task RunAsync(int port, TextWriter log, CancellationToken cancellationToken)
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("sink.bench")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new CountingStore());
        // Without it the sink, not the app, set the pace: see NoDelayEndpoints.
        services.Add(new NoDelayEndpoints());
        await log.WriteLineAsync($"SMTP sink listening on 127.0.0.1:{port}");
        try
        {
            await new SinkServer(options, services).StartAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }

        await log.WriteLineAsync($"SMTP sink received {Received} message(s)");
    }

    private sealed class CountingStore : MessageStore
    {
        public override Task<SinkResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _received);
            return Task.FromResult(SinkResponse.Ok);
        }
    }
}
