using Parquet;
using Parquet.Schema;

namespace Crawler.Export;

/// <summary>
/// Writes rows to one Parquet file in small row groups (image rows are large). Image bytes are stored
/// uncompressed (they are JPEG/PNG/WebP already, so a codec only costs time); every other column is snappy.
/// </summary>
internal sealed class ParquetShardWriter : IAsyncDisposable
{
    private readonly HashingFileStream _stream;
    private readonly ParquetWriter _writer;
    // Parquet.Net 6 reads the codec from these options at each column write; switching it per column is how
    // image columns stay uncompressed. ParquetShardWriterTests checks every column chunk's codec.
    private readonly ParquetOptions _options;
    private readonly DataField[] _fields = SnapshotColumns.Schema.GetDataFields();

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
        var i = 0;
        await Strings(group, i++, rows, r => r.Row.Id);
        await Images(group, i++, rows, r => r.Row.Source.Cleaned.Bytes);
        await Strings(group, i++, rows, r => r.Row.Source.Cleaned.FileName);
        await Images(group, i++, rows, r => r.Row.Target.Cleaned.Bytes);
        await Strings(group, i++, rows, r => r.Row.Target.Cleaned.FileName);
        await Strings(group, i++, rows, r => r.Row.Instruction);
        await Strings(group, i++, rows, r => r.Row.RawRequest);
        await Strings(group, i++, rows, r => r.Row.EditType);
        await Strings(group, i++, rows, r => r.Row.RewriteModel);
        await Strings(group, i++, rows, r => r.Row.Site);
        await Strings(group, i++, rows, r => r.Row.Community);
        await Strings(group, i++, rows, r => r.Row.ThreadUrl);
        await Strings(group, i++, rows, r => r.Row.ReplyUrl);
        await Values(group, i++, rows, r => r.Row.CreatedUtc, ct);
        await Values(group, i++, rows, r => r.Row.EditScore, ct);
        await Values(group, i++, rows, r => r.Row.AcceptedByRequester, ct);
        await Values(group, i++, rows, r => r.Row.Nsfw, ct);
        await Strings(group, i++, rows, r => r.Row.RequesterHash);
        await Strings(group, i++, rows, r => r.Row.EditorHash);
        await Strings(group, i++, rows, r => r.Row.Source.Cleaned.Sha256);
        await Strings(group, i++, rows, r => r.Row.Target.Cleaned.Sha256);
        await Strings(group, i++, rows, r => r.Row.Source.DownloadSha256);
        await Strings(group, i++, rows, r => r.Row.Target.DownloadSha256);
        await Values(group, i++, rows, r => r.Row.Source.Cleaned.Width, ct);
        await Values(group, i++, rows, r => r.Row.Source.Cleaned.Height, ct);
        await Values(group, i++, rows, r => r.Row.Target.Cleaned.Width, ct);
        await Values(group, i++, rows, r => r.Row.Target.Cleaned.Height, ct);
        await Values(group, i++, rows, r => (long)r.Row.Source.Cleaned.Bytes.Length, ct);
        await Values(group, i++, rows, r => (long)r.Row.Target.Cleaned.Bytes.Length, ct);
        await Values(group, i++, rows, r => r.Row.Similarity, ct);
        await Strings(group, i++, rows, r => r.Row.DedupCluster);
        await Strings(group, i, rows, r => r.Split);
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

    private async Task Images(ParquetRowGroupWriter group, int field, IReadOnlyList<SplitRow> rows, Func<SplitRow, byte[]> value)
    {
        _options.CompressionMethod = CompressionMethod.None;
        try
        {
            await group.WriteAsync(_fields[field], rows.Select(value).ToList());
        }
        finally
        {
            _options.CompressionMethod = CompressionMethod.Snappy;
        }
    }

    private Task Strings(ParquetRowGroupWriter group, int field, IReadOnlyList<SplitRow> rows, Func<SplitRow, string> value) =>
        group.WriteAsync(_fields[field], rows.Select(value).ToList());

    private Task Values<T>(ParquetRowGroupWriter group, int field, IReadOnlyList<SplitRow> rows, Func<SplitRow, T> value, CancellationToken ct)
        where T : struct =>
        group.WriteAsync(_fields[field], new ReadOnlyMemory<T>(rows.Select(value).ToArray()), cancellationToken: ct);
}
