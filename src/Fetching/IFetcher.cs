namespace Crawler.Fetching;

/// <summary>The only way the service downloads anything.</summary>
public interface IFetcher
{
    /// <exception cref="FetchException">No usable body: the reason, and whether to retry.</exception>
    Task<FetchResponse> FetchAsync(FetchRequest request, CancellationToken ct);
}
