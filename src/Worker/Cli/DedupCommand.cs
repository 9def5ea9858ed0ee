using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Crawler.Dedup.Clustering;
using Crawler.Dedup.Embedding;
using Crawler.Dedup.Imaging;
using Crawler.Worker.Pipeline.Stages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Cli;

/// <summary><c>dedup --images DIR --json</c>: clusters of near-duplicate files, with the service's image admission, embedder and rule.</summary>
internal static class DedupCommand
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var images = new Option<DirectoryInfo>("--images") { Description = "Folder of image files (searched recursively).", Required = true };
        var json = new Option<bool>("--json") { Description = "Print {\"clusters\":[[names...],...]} (the only output format)." };
        var command = new Command("dedup", "Group the images of a folder into near-duplicate clusters.") { images, json };
        command.SetAction(async (result, ct) =>
        {
            var folder = result.GetRequiredValue(images);
            if (!folder.Exists)
            {
                await Console.Error.WriteLineAsync($"crawler dedup: no folder {folder.FullName}");
                return 1;
            }
            using var host = VerbHost.Build(dataDir: null);
            var embedder = host.Services.GetRequiredService<IImageEmbedder>();
            var settings = host.Services.GetRequiredService<IOptions<DedupOptions>>().Value;
            using var progress = new ConsoleProgress("dedup");
            var admission = host.Services.GetRequiredService<ImageInspector>();
            var clusters = new FolderDeduplicator(embedder, settings.DuplicateRule(), admission).Cluster(folder.FullName, progress.Report, ct);
            progress.Dispose();
            foreach (var (file, reason) in clusters.Skipped)
            {
                await Console.Error.WriteLineAsync($"skipped {file}: {reason}");
            }
            await Console.Out.WriteLineAsync(JsonSerializer.Serialize(new { clusters = clusters.Clusters }, Json));
            return 0;
        });
        return command;
    }
}
