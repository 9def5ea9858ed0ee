using Crawler.Export.Images;

namespace Crawler.Export;

/// <summary>One (original, edit, instruction) row of a snapshot; the columns of DESIGN.md's export format.</summary>
public sealed record ExportRow
{
    public required string Id { get; init; }
    public required ExportImage Source { get; init; }
    public required ExportImage Target { get; init; }
    public required string Instruction { get; init; }
    public required string RawRequest { get; init; }
    public required string EditType { get; init; }
    public required string RewriteModel { get; init; }
    public required string Site { get; init; }
    public required string Community { get; init; }
    public required string ThreadUrl { get; init; }
    public required string ReplyUrl { get; init; }
    public required long CreatedUtc { get; init; }
    public required int EditScore { get; init; }
    public required bool AcceptedByRequester { get; init; }
    public required bool Nsfw { get; init; }
    public required string RequesterHash { get; init; }
    public required string EditorHash { get; init; }
    public required float Similarity { get; init; }
    public required string DedupCluster { get; init; }

    /// <summary><c>request</c>, or <c>battle</c> for a creative edit that answered no request (its raw_request is empty).</summary>
    public string PairKind { get; init; } = "request";
}

/// <summary>An image as exported: the cleaned bytes written to the file and the hash of what was downloaded.</summary>
public sealed record ExportImage(CleanedImage Cleaned, string DownloadSha256);
