using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Crawler.Worker.Tests;

/// <summary>
/// A logger provider that keeps every formatted line, so a test can assert what an operator would read in the
/// service's log (a warning given once, not once per page) through the real logging pipeline.
/// </summary>
internal sealed class LogLines : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, LogLevel Level, string Message)> _lines = new();

    public IReadOnlyList<(string Category, LogLevel Level, string Message)> All => [.. _lines];

    /// <summary>The messages logged at <paramref name="level"/> that contain <paramref name="text"/>.</summary>
    public IReadOnlyList<string> At(LogLevel level, string text) =>
        [.. _lines.Where(l => l.Level == level && l.Message.Contains(text, StringComparison.Ordinal)).Select(l => l.Message)];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<(string, LogLevel, string)> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue((category, logLevel, formatter(state, exception)));
    }
}
