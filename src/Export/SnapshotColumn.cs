using System.Text.Json.Nodes;
using Crawler.Export.Images;
using Parquet;
using Parquet.Schema;

namespace Crawler.Export;

/// <summary>
/// One column of the snapshot: its name, its Parquet type, its Hugging Face feature, and how a row's value is
/// read. The schema, the <c>datasets</c> features and the writer are all built from the one list of these in
/// <see cref="SnapshotColumns"/>, so none of them can drift from another.
/// </summary>
internal abstract class SnapshotColumn
{
    public abstract Field Field { get; }

    public abstract JsonNode Feature { get; }

    public abstract Task WriteAsync(ParquetRowGroupWriter group, ParquetOptions options, IReadOnlyList<SplitRow> rows, CancellationToken ct);
}

/// <summary>A text column.</summary>
internal sealed class StringColumn(string name, Func<SplitRow, string> value) : SnapshotColumn
{
    private readonly DataField<string> _field = new(name);

    public override Field Field => _field;

    public override JsonNode Feature => new JsonObject { ["dtype"] = "string", ["_type"] = "Value" };

    public override Task WriteAsync(ParquetRowGroupWriter group, ParquetOptions options, IReadOnlyList<SplitRow> rows, CancellationToken ct) =>
        group.WriteAsync(_field, rows.Select(value).ToList());
}

/// <summary>A column of plain numbers or flags.</summary>
internal sealed class ValueColumn<T>(string name, string dtype, Func<SplitRow, T> value) : SnapshotColumn
    where T : struct
{
    private readonly DataField<T> _field = new(name);

    public override Field Field => _field;

    public override JsonNode Feature => new JsonObject { ["dtype"] = dtype, ["_type"] = "Value" };

    public override Task WriteAsync(ParquetRowGroupWriter group, ParquetOptions options, IReadOnlyList<SplitRow> rows, CancellationToken ct) =>
        group.WriteAsync(_field, new ReadOnlyMemory<T>(rows.Select(value).ToArray()), cancellationToken: ct);
}

/// <summary>
/// The <c>datasets</c> Image struct <c>{bytes, path}</c>. Its bytes are written uncompressed: they are
/// JPEG/PNG/WebP already, so a codec only costs time.
/// </summary>
internal sealed class ImageColumn : SnapshotColumn
{
    private readonly DataField<byte[]> _bytes = new("bytes");
    private readonly DataField<string> _path = new("path");
    private readonly Func<SplitRow, CleanedImage> _value;

    public ImageColumn(string name, Func<SplitRow, CleanedImage> value)
    {
        _value = value;
        Field = new StructField(name, _bytes, _path);
    }

    public override Field Field { get; }

    public override JsonNode Feature => new JsonObject { ["_type"] = "Image" };

    public override async Task WriteAsync(ParquetRowGroupWriter group, ParquetOptions options, IReadOnlyList<SplitRow> rows, CancellationToken ct)
    {
        // Parquet.Net 6 reads the codec from the writer's options at each column write; switching it here is how
        // image bytes stay uncompressed. ParquetShardWriterTests checks every column chunk's codec.
        var codec = options.CompressionMethod;
        options.CompressionMethod = CompressionMethod.None;
        try
        {
            await group.WriteAsync(_bytes, rows.Select(r => _value(r).Bytes).ToList());
        }
        finally
        {
            options.CompressionMethod = codec;
        }
        await group.WriteAsync(_path, rows.Select(r => _value(r).FileName).ToList());
    }
}
