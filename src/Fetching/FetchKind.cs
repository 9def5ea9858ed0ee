namespace Crawler.Fetching;

/// <summary>What is being fetched; pages and images have separate byte caps and timeouts.</summary>
public enum FetchKind
{
    Page,
    Image,
}
