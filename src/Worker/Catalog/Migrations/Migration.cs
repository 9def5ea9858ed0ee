namespace Crawler.Worker.Catalog.Migrations;

/// <summary>One versioned schema change. Versions only grow; a released migration is never edited.</summary>
public sealed record Migration(int Version, string Name, string Sql);
