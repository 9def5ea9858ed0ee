using Parquet;

namespace Crawler.Export;

/// <summary>
/// Writes rows to one Parquet file in small row groups (image rows are large). Image bytes are stored
/// uncompressed (they are JPEG/PNG/WebP already, so a codec only costs time); every other column is snappy.
/// </summary>
internal sealed class ParquetShardWriter : IAsyncDisposable
{
    private readonly HashingFileStream _stream;
    private readonly ParquetWriter _writer;
    // The image columns switch the codec in these options for their own writes (see ImageColumn).
    private readonly ParquetOptions _options;

    private ParquetShardWriter(HashingFileStream stream, ParquetWriter writer, ParquetOptions options)
    {
        _stream = stream;
        _writer = writer;
        _options = options;
    }

    public static async Task<ParquetShardWriter> CreateAsync(string path, CancellationToken ct)
    {
        var stream = new HashingFileStream(path);
        var options = new ParquetOptions { CompressionMethod = CompressionMethod.Snappy };
        var writer = await ParquetWriter.CreateAsync(SnapshotColumns.Schema, stream, options, cancellationToken: ct);
        writer.CustomMetadata = new Dictionary<string, string> { ["huggingface"] = SnapshotColumns.HuggingFaceMetadata };
        return new ParquetShardWriter(stream, writer, options);
    }

    public async Task WriteRowGroupAsync(IReadOnlyList<SplitRow> rows, CancellationToken ct)
    {
        using var group = _writer.CreateRowGroup();
        foreach (var column in SnapshotColumns.All)
        {
            await column.WriteAsync(group, _options, rows, ct);
        }
    }

    /// <summary>Closes the file's footer, forces it to disk and returns its SHA-256 and size.</summary>
    public async Task<(string Sha256, long Bytes)> CompleteAsync()
    {
        await _writer.DisposeAsync();
        return _stream.Complete();
    }

    /// <summary>
    /// Releases the file. An incomplete shard is abandoned without its footer: finishing it could fail again
    /// (a full disk) and hide the first error, and its temporary folder is deleted anyway.
    /// </summary>
    public ValueTask DisposeAsync() => _stream.DisposeAsync();
}
