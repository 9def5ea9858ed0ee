using System.Text.Json;
using Crawler.Core.Text;

namespace Crawler.Rewrite;

/// <summary>
/// Names what a rewriter looked at: the request's parts, the editor's words and both images by their SHA-256.
/// With the model and prompt version it is the cache key; any change to a word or a pixel makes a new one.
/// </summary>
public static class InputsHash
{
    public static string Of(RequestParts request, string editorText, string sourceSha256, string targetSha256) =>
        Sha256Hex.Of(JsonSerializer.Serialize(new[] { request.Title, request.Body, string.Join("\n\n", request.Clarifications), editorText, sourceSha256, targetSha256 }));
}
