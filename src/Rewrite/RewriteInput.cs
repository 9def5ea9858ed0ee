namespace Crawler.Rewrite;

/// <summary>Everything a rewriter may look at for one pair.</summary>
/// <param name="Request">The requester's own words: title, body and clarifying replies.</param>
/// <param name="EditorText">The editor's reply text.</param>
/// <param name="Source">The original, downscaled, when the rewriter looks at images.</param>
/// <param name="Target">The edit, downscaled.</param>
public sealed record RewriteInput(RequestParts Request, string EditorText, RewriteImage? Source = null, RewriteImage? Target = null);

/// <summary>An image as sent to a model: encoded bytes and their media type.</summary>
public sealed record RewriteImage(byte[] Bytes, string MediaType);
