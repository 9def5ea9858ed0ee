namespace Crawler.Worker.OptOuts;

/// <summary>What an opt-out removed from the catalog and blob store.</summary>
public sealed class OptOutResult
{
    public int Threads { get; set; }

    public int Replies { get; set; }

    public int Images { get; set; }
}
