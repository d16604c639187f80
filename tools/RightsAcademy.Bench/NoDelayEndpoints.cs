using System.IO.Pipelines;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using SmtpServer;
using SmtpServer.IO;
using SmtpServer.Net;

namespace RightsAcademy.Bench;

/// <summary>
/// Plain-text SMTP endpoints whose accepted sockets have Nagle's algorithm off. SmtpServer's own listener leaves it on
/// and writes each reply to a pipelined command (MAIL FROM, RCPT TO, DATA arrive in one packet) as a packet of its
/// own: the second reply then waits for the client's delayed ACK, 40 ms on Linux, so every message took about 45 ms
/// and one connection carried 22 mails a second, where a real server (Postfix flushes its pipelined replies together)
/// answers in well under a millisecond on loopback. With this listener the same connection carries over 1,000 a second.
/// No TLS: the sink and the tests' server listen on 127.0.0.1 only.
/// </summary>
internal sealed class NoDelayEndpoints : IEndpointListenerFactory
{
    public IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
    {
        ArgumentNullException.ThrowIfNull(endpointDefinition);
        var listener = new TcpListener(endpointDefinition.Endpoint);
        listener.Start();
        return new Listener(listener);
    }

    private sealed class Listener(TcpListener listener) : IEndpointListener
    {
        public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
        {
            var socket = await listener.AcceptSocketAsync(cancellationToken);
            socket.NoDelay = true;
            return new PlainPipe(new NetworkStream(socket, ownsSocket: true));
        }

        public void Dispose() => listener.Dispose();
    }

    private sealed class PlainPipe(NetworkStream stream) : ISecurableDuplexPipe
    {
        public PipeReader Input { get; } = PipeReader.Create(stream);

        public PipeWriter Output { get; } = PipeWriter.Create(stream);

        public bool IsSecure => false;

        public SslProtocols SslProtocol => SslProtocols.None;

        public Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("The sink speaks plain SMTP on 127.0.0.1 only.");

        public void Dispose() => stream.Dispose();
    }
}
