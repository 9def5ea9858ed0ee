using System.Text.Json;
using System.Text.Json.Nodes;
using Parquet.Schema;

namespace Crawler.Export;

/// <summary>
/// The snapshot's columns, in file order, each with how a row fills it: the one table from which the Parquet
/// schema, the Hugging Face <c>datasets</c> features and the shard writer are built.
/// </summary>
internal static class SnapshotColumns
{
    public static IReadOnlyList<SnapshotColumn> All { get; } =
    [
        new StringColumn("id", r => r.Row.Id),
        new ImageColumn("source_image", r => r.Row.Source.Cleaned),
        new ImageColumn("target_image", r => r.Row.Target.Cleaned),
        new StringColumn("instruction", r => r.Row.Instruction),
        new StringColumn("raw_request", r => r.Row.RawRequest),
        new StringColumn("pair_kind", r => r.Row.PairKind),
        new StringColumn("edit_type", r => r.Row.EditType),
        new StringColumn("rewrite_model", r => r.Row.RewriteModel),
        new StringColumn("site", r => r.Row.Site),
        new StringColumn("community", r => r.Row.Community),
        new StringColumn("thread_url", r => r.Row.ThreadUrl),
        new StringColumn("reply_url", r => r.Row.ReplyUrl),
        new ValueColumn<long>("created_utc", "int64", r => r.Row.CreatedUtc),
        new ValueColumn<int>("edit_score", "int32", r => r.Row.EditScore),
        new ValueColumn<bool>("accepted_by_requester", "bool", r => r.Row.AcceptedByRequester),
        new ValueColumn<bool>("nsfw", "bool", r => r.Row.Nsfw),
        new StringColumn("requester_hash", r => r.Row.RequesterHash),
        new StringColumn("editor_hash", r => r.Row.EditorHash),
        new StringColumn("source_sha256", r => r.Row.Source.Cleaned.Sha256),
        new StringColumn("target_sha256", r => r.Row.Target.Cleaned.Sha256),
        new StringColumn("source_download_sha256", r => r.Row.Source.DownloadSha256),
        new StringColumn("target_download_sha256", r => r.Row.Target.DownloadSha256),
        new ValueColumn<int>("source_width", "int32", r => r.Row.Source.Cleaned.Width),
        new ValueColumn<int>("source_height", "int32", r => r.Row.Source.Cleaned.Height),
        new ValueColumn<int>("target_width", "int32", r => r.Row.Target.Cleaned.Width),
        new ValueColumn<int>("target_height", "int32", r => r.Row.Target.Cleaned.Height),
        new ValueColumn<long>("source_bytes", "int64", r => r.Row.Source.Cleaned.Bytes.Length),
        new ValueColumn<long>("target_bytes", "int64", r => r.Row.Target.Cleaned.Bytes.Length),
        new ValueColumn<float>("similarity", "float32", r => r.Row.Similarity),
        new StringColumn("dedup_cluster", r => r.Row.DedupCluster),
        new StringColumn("split", r => r.Split),
    ];

    public static ParquetSchema Schema { get; } = new([.. All.Select(c => c.Field)]);

    /// <summary>The <c>huggingface</c> key-value metadata: the features, so <c>datasets</c> decodes images without being told.</summary>
    public static string HuggingFaceMetadata { get; } = new JsonObject
    {
        ["info"] = new JsonObject { ["features"] = new JsonObject(All.Select(c => KeyValuePair.Create(c.Field.Name, (JsonNode?)c.Feature))) },
    }.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
}
