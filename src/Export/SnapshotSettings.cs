namespace Crawler.Export;

/// <summary>Layout knobs of a snapshot.</summary>
/// <param name="RowGroupRows">Rows per Parquet row group; image rows are big, so about 100.</param>
/// <param name="ShardBytes">A shard is closed once it holds about this many bytes of images.</param>
/// <param name="TestShare">Share of dedup clusters held out as the test split.</param>
/// <param name="Keep">Snapshots kept; older ones are deleted after a new one is published.</param>
public sealed record SnapshotSettings(int RowGroupRows, long ShardBytes, double TestShare, int Keep);
