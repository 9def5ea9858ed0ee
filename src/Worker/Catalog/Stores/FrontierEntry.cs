using Crawler.Core.Domain;
namespace Crawler.Worker.Catalog.Stores;

/// <summary>A thread the crawler knows of and fetches on its schedule.</summary>
public sealed record FrontierEntry
{
    public string Site { get; init; } = "";
    public string ThreadId { get; init; } = "";
    public string Source { get; init; } = "";
    public string Community { get; init; } = "";
    public string Url { get; init; } = "";
    public long FirstSeen { get; init; }
    public long? LastFetched { get; init; }
    public long? LastChanged { get; init; }
    public string? Etag { get; init; }
    public string? LastModified { get; init; }
    public int Fetches { get; init; }
    public string Status { get; init; } = "";
    public string? Reason { get; init; }

    public ThreadRef Thread => new(Site, ThreadId);

    public string Key => Thread.Key;
}
