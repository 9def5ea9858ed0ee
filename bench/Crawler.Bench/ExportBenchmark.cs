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
/// image megabytes per second; every way ends with its output forced to disk. <c>bench/run export [--rounds 5]</c>
/// runs them in interleaved rounds.
/// </summary>
internal sealed class ExportBenchmark : IBenchmark
{
    private const int Rows = 5_000;
    private const int ImageBytes = 100_000;

    public string Name => "export";

    public string Description => $"snapshot of {Rows:N0} rows x 2 x {ImageBytes / 1000} KB images: ours vs DuckDB COPY TO parquet (and a raw file copy)";

    public async Task<BenchResult> RunAsync(string[] args, CancellationToken ct)
    {
        var rounds = int.Parse(Arguments.Value(args, "--rounds") ?? "5", CultureInfo.InvariantCulture);
        var work = Directory.CreateTempSubdirectory("crawler-bench-export-").FullName;
        try
        {
            var rows = MakeRows();
            var megabytes = rows.Sum(r => (long)r.Source.Cleaned.Bytes.Length + r.Target.Cleaned.Bytes.Length) / 1e6;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Rows:N0} rows, {megabytes:N0} MB of images; {Environment.ProcessorCount} cores; {rounds} interleaved rounds"));

            // DuckDB copies from a table loaded from our snapshot, so one snapshot is written before the rounds.
            var snapshot = await PublishAsync(rows, Path.Combine(work, "first"), ct);
            var files = Path.Combine(snapshot, "data", "*.parquet");
            using var duck = new DuckDBConnection("DataSource=:memory:");
            duck.Open();
            Execute(duck, $"CREATE TABLE snapshot AS SELECT * FROM read_parquet('{files}')");
            var features = Query(duck, $"SELECT decode(value) FROM parquet_kv_metadata('{files}') WHERE decode(key) = 'huggingface' LIMIT 1")[0][0];
            var run = 0;
            // DuckDB has one codec per COPY, not one per column: it runs with snappy everywhere and with nothing
            // anywhere (images as ours, small columns raw), and the faster of the two is the peer.
            var measured = Interleaved.Run(rounds,
            [
                ("ours", () => megabytes / Seconds(() => PublishAsync(rows, Path.Combine(work, $"ours-{run}"), ct).GetAwaiter().GetResult(), Path.Combine(work, $"ours-{run}"))),
                ("duckdb snappy", () => megabytes / Seconds(() => CopyWithDuckDb(duck, work, "snappy", features), null)),
                ("duckdb uncompressed", () => megabytes / Seconds(() => CopyWithDuckDb(duck, work, "uncompressed", features), null)),
                ("copy", () => megabytes / Seconds(() => CopyBytes(rows, Path.Combine(work, $"copy-{run++}.bin")), null)),
            ], "MB/s");
            var codec = measured["duckdb snappy"].Median >= measured["duckdb uncompressed"].Median ? "snappy" : "uncompressed";
            Verify(duck, files, CopyWithDuckDb(duck, work, codec, features));
            foreach (var (name, spread) in measured)
            {
                Console.WriteLine($"{name,-20} {spread} MB/s");
            }
            var (o, p, c) = (measured["ours"].Median, measured[$"duckdb {codec}"].Median, measured["copy"].Median);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ours/duckdb ({codec}) = {o / p:0.00}x (target >= 1.5), ours/copy = {o / c:0.00} (target >= 0.5)"));
            return new BenchResult(o, p, "MB/s");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    /// <returns>Seconds the write took; what it wrote is deleted after, so the disk holds one output at a time.</returns>
    private static double Seconds(Func<string> write, string? folder)
    {
        var clock = Stopwatch.StartNew();
        var written = write();
        var seconds = clock.Elapsed.TotalSeconds;
        if (folder is not null)
        {
            Directory.Delete(folder, recursive: true);
        }
        else
        {
            File.Delete(written);
        }
        return seconds;
    }

    private static async Task<string> PublishAsync(List<ExportRow> rows, string root, CancellationToken ct) =>
        (await Publisher().PublishAsync(root, Stream(rows), new SnapshotRequest("bench", "bench", new Dictionary<string, string>()), ct)).Path;

    /// <returns>The file written, forced to disk.</returns>
    private static string CopyWithDuckDb(DuckDBConnection duck, string work, string codec, string features)
    {
        var file = Path.Combine(work, $"duck-{codec}.parquet");
        Execute(duck, $"COPY snapshot TO '{file}' (FORMAT parquet, COMPRESSION {codec}, ROW_GROUP_SIZE 100, KV_METADATA {{huggingface: '{features.Replace("'", "''", StringComparison.Ordinal)}'}})");
        ForceToDisk(file);
        return file;
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

    /// <returns>The file holding every image's bytes, forced to disk.</returns>
    private static string CopyBytes(IEnumerable<ExportRow> rows, string path)
    {
        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20);
        foreach (var row in rows)
        {
            file.Write(row.Source.Cleaned.Bytes);
            file.Write(row.Target.Cleaned.Bytes);
        }
        file.Flush(flushToDisk: true);
        return path;
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
