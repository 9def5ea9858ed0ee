namespace Crawler.Worker.Catalog.Migrations;

/// <summary>
/// Model answers by (inputs hash, model, prompt version), so a re-run, a re-queued pair or a second pair with
/// the same request and images costs no call. Only answers are cached, never a given-up call.
/// </summary>
internal static class M0030_RewriteCache
{
    public static Migration Migration { get; } = new(30, "rewrite cache", """
        CREATE TABLE rewrite_cache (
            inputs_hash TEXT NOT NULL,
            model TEXT NOT NULL,
            prompt_version TEXT NOT NULL,
            instruction TEXT NOT NULL,
            edit_type TEXT NOT NULL,
            status TEXT NOT NULL,
            reason TEXT,
            created_at INTEGER NOT NULL,
            PRIMARY KEY (inputs_hash, model, prompt_version));
        """);
}
