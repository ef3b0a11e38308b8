using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Consult.IntegrationTests.Support;

/// <summary>
/// Warnings and errors the app logs, for tests of what operators are told. With CONSULT_TEST_ERRORS set to a file,
/// every error is also appended there, to see what stood behind a failing test's 500.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider, ILogger
{
    private static readonly string? ErrorFile = Environment.GetEnvironmentVariable("CONSULT_TEST_ERRORS");
    private static readonly System.Threading.Lock ErrorFileLock = new();

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
        if (logLevel >= LogLevel.Error && ErrorFile is not null)
        {
            lock (ErrorFileLock)
            {
                File.AppendAllText(ErrorFile, $"{formatter(state, exception)}\n{exception}\n\n");
            }
        }
    }

    public void Dispose()
    {
    }
}
