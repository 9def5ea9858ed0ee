using System.Text.Json;
using System.Text.Json.Nodes;
using Parquet.Schema;

namespace Crawler.Export;

/// <summary>
/// The snapshot's Parquet schema and the matching Hugging Face <c>datasets</c> features, defined once so
/// the two cannot drift apart.
/// </summary>
internal static class SnapshotColumns
{
    public static ParquetSchema Schema { get; } = new(
        new DataField<string>("id"),
        ImageStruct("source_image"),
        ImageStruct("target_image"),
        new DataField<string>("instruction"),
        new DataField<string>("raw_request"),
        new DataField<string>("edit_type"),
        new DataField<string>("rewrite_model"),
        new DataField<string>("site"),
        new DataField<string>("community"),
        new DataField<string>("thread_url"),
        new DataField<string>("reply_url"),
        new DataField<long>("created_utc"),
        new DataField<int>("edit_score"),
        new DataField<bool>("accepted_by_requester"),
        new DataField<bool>("nsfw"),
        new DataField<string>("requester_hash"),
        new DataField<string>("editor_hash"),
        new DataField<string>("source_sha256"),
        new DataField<string>("target_sha256"),
        new DataField<string>("source_download_sha256"),
        new DataField<string>("target_download_sha256"),
        new DataField<int>("source_width"),
        new DataField<int>("source_height"),
        new DataField<int>("target_width"),
        new DataField<int>("target_height"),
        new DataField<long>("source_bytes"),
        new DataField<long>("target_bytes"),
        new DataField<float>("similarity"),
        new DataField<string>("dedup_cluster"),
        new DataField<string>("split"));

    /// <summary>The <c>huggingface</c> key-value metadata: the features, so <c>datasets</c> decodes images without being told.</summary>
    public static string HuggingFaceMetadata { get; } = BuildFeatures();

    private static StructField ImageStruct(string name) =>
        new(name, new DataField<byte[]>("bytes"), new DataField<string>("path"));

    private static string BuildFeatures()
    {
        var features = new JsonObject();
        foreach (var field in Schema.Fields)
        {
            features[field.Name] = field switch
            {
                StructField => new JsonObject { ["_type"] = "Image" },
                DataField data => new JsonObject { ["dtype"] = DType(data.ClrType), ["_type"] = "Value" },
                _ => throw new InvalidOperationException($"no feature type for {field.Name}"),
            };
        }
        return new JsonObject { ["info"] = new JsonObject { ["features"] = features } }.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    private static string DType(Type type) => type switch
    {
        // Parquet.Net 6 reports string columns as ReadOnlyMemory<char>.
        _ when type == typeof(string) || type == typeof(ReadOnlyMemory<char>) => "string",
        _ when type == typeof(long) => "int64",
        _ when type == typeof(int) => "int32",
        _ when type == typeof(bool) => "bool",
        _ when type == typeof(float) => "float32",
        _ => throw new InvalidOperationException($"no datasets dtype for {type}"),
    };
}
