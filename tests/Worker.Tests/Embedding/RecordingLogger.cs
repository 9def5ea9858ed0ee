using Microsoft.Extensions.Logging;

namespace Crawler.Worker.Tests.Embedding;

/// <summary>Keeps what was logged, level and formatted message, for assertions.</summary>
internal sealed class RecordingLogger<T> : ILogger<T>
{
    public List<(LogLevel Level, string Message)> Records { get; } = [];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Records.Add((logLevel, formatter(state, exception)));
}
