using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace RightsAcademy.Web.Infrastructure.Mail;

/// <summary>What one attempt to hand a message to the SMTP server came to.</summary>
public enum SendResult
{
    /// <summary>The server replied 250 to the message data.</summary>
    Sent,

    /// <summary>Not sent, and worth trying again later: a 4xx reply, or the transport failed before the message data.</summary>
    Temporary,

    /// <summary>Not sent, and trying again cannot help: a 5xx reply.</summary>
    Permanent,

    /// <summary>Not sent: the server could not be reached or refused the session (connect, TLS, login). Says nothing
    /// about this message, so the delivery job stops its batch instead of trying every queued mail in vain.</summary>
    NoConnection,

    /// <summary>The transport failed after the server accepted the recipient: the server may have the message.</summary>
    Unknown,
}

public sealed record SendOutcome(SendResult Result, string Detail);

/// <summary>
/// One SMTP connection for a delivery run, opened on the first message and reused for the next ones. Any failure
/// drops the connection so the next message starts from a clean session.
/// </summary>
internal sealed class SmtpSession(SmtpOptions options) : IAsyncDisposable
{
    private readonly WatchedSmtpClient _client = new() { Timeout = (int)options.Timeout.TotalMilliseconds };

    /// <summary>Opens the session (connect, TLS, login) unless it is open: null when it is, else why not (NoConnection).</summary>
    public async Task<SendOutcome?> ConnectAsync(CancellationToken cancellationToken)
    {
        if (_client.IsConnected)
        {
            return null;
        }

        try
        {
            await _client.ConnectAsync(options.Host!.Trim(), options.Port, SocketOptions(options.Security), cancellationToken);
            if (!string.IsNullOrEmpty(options.UserName))
            {
                await _client.AuthenticateAsync(options.UserName, options.Password ?? "", cancellationToken);
            }

            return null;
        }
        catch (Exception ex) when (IsTransportFailure(ex))
        {
            await DropAsync();
            return new SendOutcome(SendResult.NoConnection, Describe(ex));
        }
    }

    public async Task<SendOutcome> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        if (await ConnectAsync(cancellationToken) is { } noConnection)
        {
            return noConnection;
        }

        _client.RecipientAccepted = false;
        try
        {
            var reply = await _client.SendAsync(message, cancellationToken);
            return new SendOutcome(SendResult.Sent, reply);
        }
        catch (SmtpCommandException ex)
        {
            // The server answered about this message: a definite "not accepted", temporary or for good.
            await DropAsync();
            var status = (int)ex.StatusCode;
            return new SendOutcome(status >= 500 ? SendResult.Permanent : SendResult.Temporary, $"{status} {ex.Message}");
        }
        catch (Exception ex) when (IsTransportFailure(ex))
        {
            // Before the recipient was accepted no message data can have been sent, so nothing was delivered.
            // After it, the data (and its final dot) may have reached the server and only the reply was lost.
            var mayHaveArrived = _client.RecipientAccepted;
            await DropAsync();
            return new SendOutcome(mayHaveArrived ? SendResult.Unknown : SendResult.Temporary, Describe(ex));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            try
            {
                using var quit = new CancellationTokenSource(options.Timeout);
                await _client.DisconnectAsync(quit: true, quit.Token);
            }
            catch (Exception ex) when (IsTransportFailure(ex))
            {
                // QUIT is a courtesy; every message already has its outcome.
            }
        }

        _client.Dispose();
    }

    private async Task DropAsync()
    {
        if (_client.IsConnected)
        {
            try
            {
                await _client.DisconnectAsync(quit: false);
            }
            catch (Exception ex) when (IsTransportFailure(ex))
            {
                // The connection is being thrown away; a failure to close it changes nothing.
            }
        }
    }

    private static SecureSocketOptions SocketOptions(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.StartTlsWhenAvailable => SecureSocketOptions.StartTlsWhenAvailable,
        _ => SecureSocketOptions.StartTls,
    };

    private static bool IsTransportFailure(Exception ex) =>
        ex is IOException or SocketException or TimeoutException or OperationCanceledException
            or ProtocolException or CommandException or AuthenticationException
            or SslHandshakeException or ServiceNotConnectedException or ServiceNotAuthenticatedException or NotSupportedException;

    private static string Describe(Exception ex)
    {
        var text = ex is SmtpCommandException command ? $"{(int)command.StatusCode} {command.Message}" : $"{ex.GetType().Name}: {ex.Message}";
        if (ex.InnerException is { } inner && !text.Contains(inner.Message, StringComparison.Ordinal))
        {
            text += $" ({inner.Message})";
        }

        return text;
    }

    /// <summary>Knows whether the server has accepted the recipient: the line between "not sent" and "maybe sent".</summary>
    private sealed class WatchedSmtpClient : SmtpClient
    {
        public bool RecipientAccepted { get; set; }

        protected override void OnRecipientAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response)
        {
            RecipientAccepted = true;
            base.OnRecipientAccepted(message, mailbox, response);
        }
    }
}
