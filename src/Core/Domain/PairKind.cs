namespace Crawler.Core.Domain;

/// <summary>
/// What a pair's text is: a requester's words to rewrite (<see cref="Request"/>), or nothing but the editor's
/// caption, as in a Photoshop battle whose entries answer no request (<see cref="Battle"/>), so its instruction
/// has to be described from the two images.
/// </summary>
public enum PairKind
{
    Request,
    Battle,
}

/// <summary>The names a pair kind has in the catalog and in snapshots.</summary>
public static class PairKinds
{
    public const string Request = "request";
    public const string Battle = "battle";

    public static string Name(this PairKind kind) => kind == PairKind.Battle ? Battle : Request;

    /// <summary>Anything but "battle" reads as a request, so rows written before kinds existed stay requests.</summary>
    public static PairKind Parse(string? name) =>
        string.Equals(name, Battle, StringComparison.OrdinalIgnoreCase) ? PairKind.Battle : PairKind.Request;
}
