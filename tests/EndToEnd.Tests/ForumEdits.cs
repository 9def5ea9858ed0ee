using Crawler.TestSupport.Forums;

namespace Crawler.EndToEnd.Tests;

/// <summary>What a crawl of the loopback forum must end with, from the forum's own model.</summary>
internal static class ForumEdits
{
    /// <summary>
    /// Every image posted by someone other than the requester is paired; the generated forum repeats some edits
    /// within a thread (the same object recoloured again), and only those stay out of the snapshot, each as a
    /// duplicate of an edit that is in it.
    /// </summary>
    public static void AssertExported(ForumSiteServer forum, string site, string dataDir, List<Dictionary<string, object?>> snapshot)
    {
        var pairs = Catalog.Query(dataDir, "SELECT pair_id, status, reason FROM pairs ORDER BY pair_id");
        Assert.Equal(Expected(forum, site), pairs.Select(p => (string)p["pair_id"]!));
        var exported = snapshot.Select(r => (string)r["id"]!).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(pairs.Where(p => (string)p["status"]! == "accepted").Select(p => (string)p["pair_id"]!), exported.Order(StringComparer.Ordinal));
        Assert.All(pairs.Where(p => !exported.Contains((string)p["pair_id"]!)), p =>
        {
            var reason = (string)p["reason"]!;
            Assert.StartsWith("duplicate of edit ", reason, StringComparison.Ordinal);
            Assert.Contains(reason["duplicate of edit ".Length..], exported);
        });
        Assert.True(exported.Count >= forum.Threads.Count * 2, $"only {exported.Count} edits exported from {forum.Threads.Count} threads");
    }

    private static List<string> Expected(ForumSiteServer forum, string site) =>
        forum.Threads
            .SelectMany(t => t.Posts.Skip(1)
                .Where(p => p.Author != t.Requester && (p.Attachment is not null || p.Embedded is not null))
                .Select(p => $"{site}:{t.Id}:{p.Id}:0"))
            .Order(StringComparer.Ordinal)
            .ToList();
}
