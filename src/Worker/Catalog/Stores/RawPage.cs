namespace Crawler.Worker.Catalog.Stores;

/// <summary>A thread's stored page, decompressed, with the parts that complete it (morechildren answers) in fetch order.</summary>
/// <param name="Sha256">The stored blob's hash: which version of the page this is.</param>
public sealed record RawPage(string Sha256, byte[] Body, IReadOnlyList<byte[]> Parts);
