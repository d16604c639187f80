using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace RightsAcademy.Web.Testing;

/// <summary>Keeps what the app logs (the latest 20,000 entries), so a test can check what would reach a log store.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private const int Capacity = 20_000;
    private readonly ConcurrentQueue<Entry> _entries = new();

    public IReadOnlyList<Entry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(Entry entry)
    {
        _entries.Enqueue(entry);
        while (_entries.Count > Capacity && _entries.TryDequeue(out _))
        {
        }
    }

    public sealed record Entry(string Category, LogLevel Level, string Message, string? Exception)
    {
        public override string ToString() => $"{Level} {Category}: {Message} {Exception}";
    }

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            provider.Add(new Entry(category, logLevel, formatter(state, exception), exception?.ToString()));
    }
}
