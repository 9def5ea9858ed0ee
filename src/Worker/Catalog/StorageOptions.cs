using System.ComponentModel.DataAnnotations;

namespace Crawler.Worker.Catalog;

/// <summary>Where the catalog and blobs live; bound from <c>Storage</c> (or <c>--data-dir</c>).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    [Required]
    public string DataDir { get; set; } = "data";

    public string CatalogPath => Path.Combine(DataDir, "catalog.db");

    public string BlobsPath => Path.Combine(DataDir, "blobs");
}
