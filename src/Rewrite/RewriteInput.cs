namespace Crawler.Rewrite;

/// <summary>Everything a rewriter may look at for one pair.</summary>
/// <param name="RequestText">Title, body and the requester's clarifications, as written.</param>
/// <param name="EditorText">The editor's reply text.</param>
/// <param name="SourceImage">The original's bytes, when the rewriter looks at images.</param>
/// <param name="TargetImage">The edit's bytes.</param>
public sealed record RewriteInput(string RequestText, string EditorText, byte[]? SourceImage = null, byte[]? TargetImage = null);
