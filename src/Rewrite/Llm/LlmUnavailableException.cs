namespace Crawler.Rewrite.Llm;

/// <summary>The endpoint gave no usable answer after our retries (429, 5xx, timeout, refused connection): try the item again later.</summary>
public sealed class LlmUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
