using System.Security.Cryptography;
using Crawler.Export.Images;

namespace Crawler.Export.Tests;

/// <summary>Export rows with random (incompressible) image bytes that look like JPEGs.</summary>
internal static class ExportRows
{
    public static ExportRow Make(string id, string cluster, int imageBytes = 2048, string site = "reddit", string editType = "remove_object") => new()
    {
        Id = id,
        Source = Image(imageBytes),
        Target = Image(imageBytes),
        Instruction = $"Remove the ball ({id}).",
        RawRequest = "Can someone remove the ball? Thanks!",
        EditType = editType,
        RewriteModel = "rules",
        Site = site,
        Community = "PhotoshopRequest",
        ThreadUrl = "https://www.reddit.com/r/PhotoshopRequest/comments/abc/x/",
        ReplyUrl = "https://www.reddit.com/r/PhotoshopRequest/comments/abc/x/def/",
        CreatedUtc = 1_735_693_200,
        EditScore = 12,
        AcceptedByRequester = true,
        Nsfw = false,
        RequesterHash = "r-hash",
        EditorHash = "e-hash",
        Similarity = 0.97f,
        DedupCluster = cluster,
    };

    private static ExportImage Image(int size)
    {
        var bytes = RandomNumberGenerator.GetBytes(size);
        bytes[0] = 0xFF;
        bytes[1] = 0xD8;
        return new ExportImage(new CleanedImage(bytes, "jpeg", 640, 480, ImageTreatment.Stripped, "metadata stripped"), Core.Text.Sha256Hex.Of([.. bytes, 1]));
    }

    public static async IAsyncEnumerable<ExportRow> Stream(IEnumerable<ExportRow> rows, Exception? failAfterAll = null)
    {
        foreach (var row in rows)
        {
            await Task.Yield();
            yield return row;
        }
        if (failAfterAll is not null)
        {
            throw failAfterAll;
        }
    }
}
