namespace Crawler.Worker.Catalog.Migrations;

/// <summary>
/// Users who asked to be left out, by the salted hash snapshots use for user names: the name itself is
/// never stored, and every export leaves out rows whose requester or editor hashes to one of them.
/// </summary>
internal static class M0070_OptOuts
{
    public static Migration Migration { get; } = new(70, "opt-outs", """
        CREATE TABLE opt_outs (
            user_hash TEXT PRIMARY KEY,
            at INTEGER NOT NULL);
        """);
}
