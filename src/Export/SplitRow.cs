namespace Crawler.Export;

/// <summary>A row on its way into a shard, with the split it was assigned.</summary>
internal readonly record struct SplitRow(ExportRow Row, string Split);
