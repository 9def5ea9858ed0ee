using Crawler.Core.Domain;

namespace Crawler.Worker.Catalog.Stores;

/// <summary>A candidate (original, edit) pair and the decisions taken on it.</summary>
public sealed record PairRow
{
    public string PairId { get; init; } = "";
    public string Site { get; init; } = "";
    public string ThreadId { get; init; } = "";

    public ThreadRef Thread => new(Site, ThreadId);

    public string ReplyId { get; init; } = "";
    public int ImageIndex { get; init; }
    public string SourceUrl { get; init; } = "";
    public string TargetUrl { get; init; } = "";
    public string? Editor { get; init; }
    public int Score { get; init; }
    public bool Accepted { get; init; }
    public int Rank { get; init; }
    public string RequestText { get; init; } = "";
    public string EditorText { get; init; } = "";

    /// <summary>The catalog's name of the pair's kind (<see cref="PairKinds"/>).</summary>
    public string Kind { get; init; } = PairKinds.Request;

    public PairKind PairKind => PairKinds.Parse(Kind);
    public string Status { get; init; } = "";
    public string? Reason { get; init; }
    public double? Similarity { get; init; }
    public double? PixelDifference { get; init; }
    public string? Cluster { get; init; }
}

/// <summary>The life of a pair: dropped by pairing rules, or a candidate until dedup accepts or rejects it.</summary>
public static class PairStatus
{
    public const string Dropped = "dropped";
    public const string Candidate = "candidate";
    public const string Accepted = "accepted";
    public const string Rejected = "rejected";
}
