namespace Crawler.Worker.Pipeline;

/// <summary>The pipeline's stages, in the order work flows through them.</summary>
public static class StageNames
{
    public const string Discover = "discover";
    public const string FetchThread = "fetch-thread";
    public const string Parse = "parse";
    public const string Pair = "pair";
    public const string FetchImage = "fetch-image";
    public const string Embed = "embed";
    public const string Dedup = "dedup";
    public const string Rewrite = "rewrite";

    /// <summary>Re-checks threads past their revisit window for deletions at the source.</summary>
    public const string DeletionSweep = "deletion-sweep";

    public static IReadOnlyList<string> InOrder { get; } = [Discover, FetchThread, Parse, Pair, FetchImage, Embed, Dedup, Rewrite, DeletionSweep];
}
