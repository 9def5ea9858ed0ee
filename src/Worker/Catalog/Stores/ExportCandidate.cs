namespace Crawler.Worker.Catalog.Stores;

/// <summary>An accepted, rewritten pair with everything a snapshot row needs except the image bytes.</summary>
public sealed record ExportCandidate
{
    public string PairId { get; init; } = "";
    public string Site { get; init; } = "";
    public string ThreadId { get; init; } = "";
    public string ReplyId { get; init; } = "";
    public string SourceUrl { get; init; } = "";
    public string TargetUrl { get; init; } = "";
    public int Score { get; init; }
    public bool Accepted { get; init; }
    public double? Similarity { get; init; }
    public string? Cluster { get; init; }
    public string RequestText { get; init; } = "";
    public string Kind { get; init; } = "request";
    public string? Editor { get; init; }
    public string Community { get; init; } = "";
    public string? ThreadUrl { get; init; }
    public long CreatedUtc { get; init; }
    public bool Nsfw { get; init; }
    public string? Requester { get; init; }
    public string Instruction { get; init; } = "";
    public string EditType { get; init; } = "";
    public string RewriteModel { get; init; } = "";
    public string SourceSha { get; init; } = "";
    public string TargetSha { get; init; } = "";
    public string SourceFormat { get; init; } = "";
    public string TargetFormat { get; init; } = "";
    public int SourceWidth { get; init; }
    public int SourceHeight { get; init; }
    public int TargetWidth { get; init; }
    public int TargetHeight { get; init; }
    public int SourceOrientation { get; init; }
    public int TargetOrientation { get; init; }
}
