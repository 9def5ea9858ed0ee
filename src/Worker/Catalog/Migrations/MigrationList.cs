namespace Crawler.Worker.Catalog.Migrations;

/// <summary>Every migration in version order; append new ones at the end.</summary>
internal static class MigrationList
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        M0001_Initial.Migration,
        M0010_RawPageParts.Migration,
        M0020_ImageUrlResolution.Migration,
        M0030_RewriteCache.Migration,
        M0040_ExportImagesAndDeletionErrors.Migration,
        M0050_ListingCursors.Migration,
        M0060_ArchiveCursors.Migration,
        M0070_OptOuts.Migration,
        M0080_PairKind.Migration,
        M0090_SourcePauses.Migration,
    ];
}
