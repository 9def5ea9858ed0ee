using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Crawler.Export;
using Crawler.Export.Images;
using DuckDB.NET.Data;

namespace Crawler.Bench;

/// <summary>
/// Writes the same 5,000 rows, each with two 100 KB incompressible images, three ways: our snapshot
/// publisher (shards, manifest with per-file SHA-256, card, fsync), DuckDB's <c>COPY ... TO 'x.parquet'</c>
/// from a table holding exactly those rows, and a plain copy of the image bytes to one file. Throughput is
/// image megabytes per second; every way ends with its output forced to disk.
/// </summary>
internal sealed class ExportBenchmark : IBenchmark
{
    private const int Rows = 5_000;
    private const int ImageBytes = 100_000;
    private const int Repeats = 3;

    public string Name => "export";

    public string Description => $"snapshot of {Rows:N0} rows x 2 x {ImageBytes / 1000} KB images: ours vs DuckDB COPY TO parquet (and a raw file copy)";

    public async Task<BenchResult> RunAsync(string[] args, CancellationToken ct)
    {
        var work = Directory.CreateTempSubdirectory("crawler-bench-export-").FullName;
        try
        {
            var rows = MakeRows();
            var megabytes = rows.Sum(r => (long)r.Source.Cleaned.Bytes.Length + r.Target.Cleaned.Bytes.Length) / 1e6;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Rows:N0} rows, {megabytes:N0} MB of images; {Environment.ProcessorCount} cores; median of {Repeats} runs each"));

            var ours = new List<double>();
            string? snapshot = null;
            for (var i = 0; i < Repeats; i++)
            {
                var root = Path.Combine(work, $"ours-{i}");
                var clock = Stopwatch.StartNew();
                snapshot = (await Publisher().PublishAsync(root, Stream(rows), new SnapshotRequest("bench", "bench", new Dictionary<string, string>()), ct)).Path;
                ours.Add(megabytes / clock.Elapsed.TotalSeconds);
                if (i < Repeats - 1)
                {
                    Directory.Delete(root, recursive: true);
                }
            }
            var copy = new List<double>();
            for (var i = 0; i < Repeats; i++)
            {
                copy.Add(megabytes / await CopyBytesAsync(rows, Path.Combine(work, $"copy-{i}.bin"), ct));
            }
            var files = Path.Combine(snapshot!, "data", "*.parquet");
            using var duck = new DuckDBConnection("DataSource=:memory:");
            duck.Open();
            Execute(duck, $"CREATE TABLE snapshot AS SELECT * FROM read_parquet('{files}')");
            var features = Query(duck, $"SELECT decode(value) FROM parquet_kv_metadata('{files}') WHERE decode(key) = 'huggingface' LIMIT 1")[0][0];
            // DuckDB has one codec per COPY, not one per column: it runs with snappy everywhere and with nothing
            // anywhere (images as ours, small columns raw), and the faster of the two is the peer.
            var snappy = CopyWithDuckDb(duck, work, "snappy", features);
            var uncompressed = CopyWithDuckDb(duck, work, "uncompressed", features);
            var (peer, duckFile) = Median(snappy.Speeds) >= Median(uncompressed.Speeds) ? snappy : uncompressed;

            Verify(duck, files, duckFile);
            var (o, p, c) = (Median(ours), Median(peer), Median(copy));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ours   {o,8:N0} MB/s  (runs: {string.Join(", ", ours.Select(v => v.ToString("N0", CultureInfo.InvariantCulture)))})"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"duckdb {Median(snappy.Speeds),8:N0} MB/s  snappy       (runs: {string.Join(", ", snappy.Speeds.Select(v => v.ToString("N0", CultureInfo.InvariantCulture)))})"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"duckdb {Median(uncompressed.Speeds),8:N0} MB/s  uncompressed (runs: {string.Join(", ", uncompressed.Speeds.Select(v => v.ToString("N0", CultureInfo.InvariantCulture)))})"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"copy   {c,8:N0} MB/s  (runs: {string.Join(", ", copy.Select(v => v.ToString("N0", CultureInfo.InvariantCulture)))})"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ours/duckdb = {o / p:0.00}x (target >= 1.5), ours/copy = {o / c:0.00} (target >= 0.5)"));
            return new BenchResult(o, p, "MB/s");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static (List<double> Speeds, string File) CopyWithDuckDb(DuckDBConnection duck, string work, string codec, string features)
    {
        var megabytes = Convert.ToDouble(Query(duck, "SELECT sum(octet_length(source_image.bytes) + octet_length(target_image.bytes)) FROM snapshot")[0][0], CultureInfo.InvariantCulture) / 1e6;
        var speeds = new List<double>();
        var file = "";
        for (var i = 0; i < Repeats; i++)
        {
            file = Path.Combine(work, $"duck-{codec}-{i}.parquet");
            var clock = Stopwatch.StartNew();
            Execute(duck, $"COPY snapshot TO '{file}' (FORMAT parquet, COMPRESSION {codec}, ROW_GROUP_SIZE 100, KV_METADATA {{huggingface: '{features.Replace("'", "''", StringComparison.Ordinal)}'}})");
            ForceToDisk(file);
            speeds.Add(megabytes / clock.Elapsed.TotalSeconds);
        }
        return (speeds, file);
    }

    private static SnapshotPublisher Publisher() =>
        new(new SnapshotSettings(RowGroupRows: 100, ShardBytes: 500L << 20, TestShare: 0.02, Keep: 1), TimeProvider.System);

    private static List<ExportRow> MakeRows() => Enumerable.Range(0, Rows).Select(i => new ExportRow
    {
        Id = $"reddit:t{i:D6}:c{i:D6}:0",
        Source = Image(),
        Target = Image(),
        Instruction = "Remove the person in the background.",
        RawRequest = "Could someone please remove the guy behind us? Will tip!",
        EditType = "remove_object",
        RewriteModel = "rules",
        Site = "reddit",
        Community = "PhotoshopRequest",
        ThreadUrl = $"https://www.reddit.com/r/PhotoshopRequest/comments/t{i:D6}/x/",
        ReplyUrl = $"https://www.reddit.com/r/PhotoshopRequest/comments/t{i:D6}/x/c{i:D6}/",
        CreatedUtc = 1_735_693_200 + i,
        EditScore = i % 50,
        AcceptedByRequester = i % 3 == 0,
        Nsfw = false,
        RequesterHash = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
        EditorHash = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
        Similarity = 0.9f,
        DedupCluster = $"cluster-{i}",
    }).ToList();

    private static ExportImage Image()
    {
        var bytes = RandomNumberGenerator.GetBytes(ImageBytes);
        return new ExportImage(new CleanedImage(bytes, "jpeg", 1024, 768, ImageTreatment.Stripped, "metadata stripped"), Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    private static async IAsyncEnumerable<ExportRow> Stream(IEnumerable<ExportRow> rows)
    {
        foreach (var row in rows)
        {
            yield return row;
        }
        await Task.CompletedTask;
    }

    /// <returns>Seconds to write every image's bytes to one file and force it to disk.</returns>
    private static async Task<double> CopyBytesAsync(IEnumerable<ExportRow> rows, string path, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20))
        {
            foreach (var row in rows)
            {
                await file.WriteAsync(row.Source.Cleaned.Bytes, ct);
                await file.WriteAsync(row.Target.Cleaned.Bytes, ct);
            }
            file.Flush(flushToDisk: true);
        }
        var seconds = clock.Elapsed.TotalSeconds;
        File.Delete(path);
        return seconds;
    }

    private static void ForceToDisk(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        file.Flush(flushToDisk: true);
    }

    /// <summary>Both files must read back as the same table: same columns, same types, image structs included.</summary>
    private static void Verify(DuckDBConnection duck, string ours, string peer)
    {
        var schemaOurs = Query(duck, $"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('{ours}'))");
        var schemaPeer = Query(duck, $"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('{peer}'))");
        if (!schemaOurs.Select(c => string.Join('|', c)).SequenceEqual(schemaPeer.Select(c => string.Join('|', c))))
        {
            throw new InvalidOperationException("the two files' schemas differ");
        }
        Console.WriteLine($"schema: identical, {schemaOurs.Count} columns, e.g. source_image {schemaOurs.Single(c => c[0] == "source_image")[1]}");
        foreach (var (who, file) in new[] { ("ours", ours), ("duckdb", peer) })
        {
            var codecs = Query(duck, $"""
                SELECT CASE WHEN path_in_schema LIKE '%_image, bytes' THEN 'images' ELSE 'other' END, string_agg(DISTINCT compression, '/'),
                       min(row_group_num_rows), max(row_group_num_rows), count(DISTINCT file_name || row_group_id)
                FROM parquet_metadata('{file}') GROUP BY 1 ORDER BY 1
                """);
            var rows = Query(duck, $"SELECT count(*) FROM read_parquet('{file}')")[0][0];
            Console.WriteLine($"{who}: {rows} rows; " + string.Join("; ", codecs.Select(c => $"{c[0]} {c[1]}")) + $"; {codecs[0][4]} row groups of {codecs[0][2]}-{codecs[0][3]} rows");
        }
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static void Execute(DuckDBConnection duck, string sql)
    {
        using var command = duck.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static List<string[]> Query(DuckDBConnection duck, string sql)
    {
        using var command = duck.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? "").ToArray());
        }
        return rows;
    }
}
