namespace Crawler.Worker.Catalog.Migrations;

/// <summary>
/// What a pair's text is: <c>request</c> (a requester's words to rewrite) or <c>battle</c> (an entry's caption
/// only, so its instruction is described from the images). Rows from before are requests.
/// </summary>
internal static class M0080_PairKind
{
    public static Migration Migration { get; } = new(80, "pair kind", """
        ALTER TABLE pairs ADD COLUMN kind TEXT NOT NULL DEFAULT 'request';
        """);
}
