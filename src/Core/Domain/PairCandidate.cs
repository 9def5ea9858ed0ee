namespace Crawler.Core.Domain;

/// <summary>
/// A possible (original, edit) pair found by a site's pairing rules. <see cref="DropReason"/> is null
/// when the rules took it; otherwise it says why it is not an edit, and the candidate is still kept.
/// </summary>
/// <param name="ReplyId">The reply holding the edit.</param>
/// <param name="ImageIndex">Index of the edit among the reply's images.</param>
/// <param name="Rank">1 for the best edit of the thread by acceptance, then score.</param>
/// <param name="RequestText">The request as the requester wrote it, clarifications included; empty for a battle entry.</param>
public sealed record PairCandidate(
    string ReplyId,
    int ImageIndex,
    string SourceUrl,
    string TargetUrl,
    string? Editor,
    int Score,
    bool AcceptedByRequester,
    int Rank,
    string RequestText,
    string EditorText,
    string? DropReason)
{
    public bool Taken => DropReason is null;

    /// <summary>A request's edit unless the rules say otherwise; only battle rules set it, so other sites need not.</summary>
    public PairKind Kind { get; init; } = PairKind.Request;
}
