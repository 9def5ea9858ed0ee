using System.Text.Json.Nodes;
using Crawler.TestSupport;
using Crawler.Worker.Pipeline.Sites;

namespace Crawler.Worker.Tests.Sites;

/// <summary>
/// A copy of the xenforo2 preset with some keys replaced, written as <c>{name}.json</c> in a temporary folder:
/// a source pointed at it reads the loopback forum as if the forum had changed its markup (a selector that no
/// longer matches), or as another site of the same software (another name in thread ids).
/// </summary>
internal sealed class EditedSiteFile : IDisposable
{
    private readonly TempDir _dir = new("crawler-site-");

    public EditedSiteFile(string name, params (string Key, string Value)[] replaced)
    {
        var preset = JsonNode.Parse(File.ReadAllText(Path.Combine(SiteFiles.DefaultFolder, "xenforo2.json")))!.AsObject();
        foreach (var (key, value) in replaced)
        {
            preset[key] = value;
        }
        FilePath = _dir.Combine(name + ".json");
        File.WriteAllText(FilePath, preset.ToJsonString());
    }

    /// <summary>The file's path, as a source's Site names it.</summary>
    public string FilePath { get; }

    public void Dispose() => _dir.Dispose();
}
