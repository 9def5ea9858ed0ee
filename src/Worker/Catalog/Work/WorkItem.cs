namespace Crawler.Worker.Catalog.Work;

/// <summary>A leased unit of work of one stage. <see cref="Generation"/> guards against completing an item re-enqueued meanwhile.</summary>
public sealed record WorkItem
{
    public string Stage { get; init; } = "";
    public string ItemKey { get; init; } = "";
    public long Generation { get; init; }
    public int Attempts { get; init; }
    public string SortKey { get; init; } = "";
}
