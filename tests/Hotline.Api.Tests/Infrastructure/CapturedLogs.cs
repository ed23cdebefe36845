using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Hotline.Api.Tests.Infrastructure;

/// <summary>
/// Every log line the host writes, formatted as a log sink would store it (message and exception), for tests
/// that look for what must never be logged. Add it with <c>services: s => s.AddSingleton&lt;ILoggerProvider&gt;(logs)</c>.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
