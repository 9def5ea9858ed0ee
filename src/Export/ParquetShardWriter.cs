using Crawler.Core.Text;
using Parquet;
using Parquet.Schema;

namespace Crawler.Export;

/// <summary>Writes rows to one Parquet file in small row groups (image rows are large).</summary>
internal sealed class ParquetShardWriter : IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly ParquetWriter _writer;
    private readonly DataField[] _fields = SnapshotColumns.Schema.GetDataFields();

    private ParquetShardWriter(Stream stream, ParquetWriter writer)
    {
        _stream = stream;
        _writer = writer;
    }

    public static async Task<ParquetShardWriter> CreateAsync(string path, CancellationToken ct)
    {
        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20, FileOptions.Asynchronous);
        var writer = await ParquetWriter.CreateAsync(SnapshotColumns.Schema, stream, new ParquetOptions { CompressionMethod = CompressionMethod.Snappy }, cancellationToken: ct);
        writer.CustomMetadata = new Dictionary<string, string> { ["huggingface"] = SnapshotColumns.HuggingFaceMetadata };
        return new ParquetShardWriter(stream, writer);
    }

    public async Task WriteRowGroupAsync(IReadOnlyList<(ExportRow Row, string Split)> rows, CancellationToken ct)
    {
        using var group = _writer.CreateRowGroup();
        var i = 0;
        await Strings(group, i++, rows, r => r.Row.Id);
        await group.WriteAsync(_fields[i++], rows.Select(r => r.Row.Source.Bytes).ToList());
        await Strings(group, i++, rows, r => r.Row.Source.Path);
        await group.WriteAsync(_fields[i++], rows.Select(r => r.Row.Target.Bytes).ToList());
        await Strings(group, i++, rows, r => r.Row.Target.Path);
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
        await Strings(group, i++, rows, r => Sha256Hex.Of(r.Row.Source.Bytes));
        await Strings(group, i++, rows, r => Sha256Hex.Of(r.Row.Target.Bytes));
        await Strings(group, i++, rows, r => r.Row.Source.DownloadSha256);
        await Strings(group, i++, rows, r => r.Row.Target.DownloadSha256);
        await Values(group, i++, rows, r => r.Row.Source.Width, ct);
        await Values(group, i++, rows, r => r.Row.Source.Height, ct);
        await Values(group, i++, rows, r => r.Row.Target.Width, ct);
        await Values(group, i++, rows, r => r.Row.Target.Height, ct);
        await Values(group, i++, rows, r => r.Row.Similarity, ct);
        await Strings(group, i++, rows, r => r.Row.DedupCluster);
        await Strings(group, i, rows, r => r.Split);
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync();
        await _stream.FlushAsync();
        await _stream.DisposeAsync();
    }

    private Task Strings(ParquetRowGroupWriter group, int field, IReadOnlyList<(ExportRow Row, string Split)> rows, Func<(ExportRow Row, string Split), string> value) =>
        group.WriteAsync(_fields[field], rows.Select(value).ToList());

    private Task Values<T>(ParquetRowGroupWriter group, int field, IReadOnlyList<(ExportRow Row, string Split)> rows, Func<(ExportRow Row, string Split), T> value, CancellationToken ct)
        where T : struct =>
        group.WriteAsync(_fields[field], new ReadOnlyMemory<T>(rows.Select(value).ToArray()), cancellationToken: ct);
}
