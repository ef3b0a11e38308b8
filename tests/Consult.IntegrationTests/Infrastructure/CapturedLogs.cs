using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Consult.IntegrationTests.Infrastructure;

/// <summary>Warnings and errors the app logs, for tests of what operators are told.</summary>
public sealed class CapturedLogs : ILoggerProvider, ILogger
{
    public ConcurrentQueue<(LogLevel Level, string Message, Exception? Exception)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            Entries.Enqueue((logLevel, formatter(state, exception), exception));
        }
    }

    public void Dispose()
    {
    }
}
