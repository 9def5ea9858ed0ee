using Crawler.Worker.Catalog;
using Crawler.Worker.Catalog.Stores;
using Crawler.Worker.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Exporting;

/// <summary>
/// Imports the configured deletions file into the catalog before each export. Importing is idempotent, so
/// the file can simply grow. A configured file that is missing stops the export: publishing without the
/// deletions someone asked for is worse than publishing late.
/// </summary>
public sealed class DeletionsFileImporter(
    DeletionImportStore store,
    IOptions<ExportOptions> export,
    IOptions<StorageOptions> storage,
    ILogger<DeletionsFileImporter> logger)
{
    public async Task ImportAsync(CancellationToken ct)
    {
        if (export.Value.DeletionsFile is not { Length: > 0 } configured)
        {
            return;
        }
        var path = Path.GetFullPath(Path.Combine(storage.Value.DataDir, configured));
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The deletions file {path} (Export:DeletionsFile) does not exist.", path);
        }
        var (entries, errors) = DeletionsFile.Parse(await File.ReadAllLinesAsync(path, ct));
        await store.ImportAsync(path, entries, errors, ct);
        logger.LogInformation("Deletions file {Path}: {Entries} entries imported", path, entries.Count);
        foreach (var (line, _, reason) in errors)
        {
            logger.LogWarning("Deletions file {Path} line {Line} refused: {Reason}", path, line, reason);
        }
    }
}
