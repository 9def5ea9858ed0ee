namespace Crawler.Worker.Catalog;

/// <summary>What a deletion names: a whole thread, one reply, or anything reachable by a URL.</summary>
public static class DeletionKinds
{
    public const string Thread = "thread";
    public const string Reply = "reply";
    public const string Url = "url";

    public static IReadOnlyList<string> All { get; } = [Thread, Reply, Url];
}
