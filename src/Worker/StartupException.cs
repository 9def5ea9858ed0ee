namespace Crawler.Worker;

/// <summary>A configuration or environment problem found at start; its message is printed alone, without a stack trace.</summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);
