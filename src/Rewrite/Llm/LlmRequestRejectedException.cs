namespace Crawler.Rewrite.Llm;

/// <summary>The endpoint refused this very request (400, 413, 422): sending it again gives the same answer.</summary>
public sealed class LlmRequestRejectedException(string message, Exception? inner = null) : Exception(message, inner);
