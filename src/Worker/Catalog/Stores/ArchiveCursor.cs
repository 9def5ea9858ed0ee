namespace Crawler.Worker.Catalog.Stores;

/// <summary>The newest post an archive listing has passed: its time (epoch seconds) and id.</summary>
public sealed record ArchiveCursor(long CreatedUtc, string ThreadId)
{
    /// <summary>Whether a post lies beyond the cursor; posts of the same second are ordered by id, as base-36 numbers.</summary>
    public bool IsBefore(long createdUtc, string threadId) =>
        createdUtc > CreatedUtc || (createdUtc == CreatedUtc && (threadId.Length, threadId).CompareTo((ThreadId.Length, ThreadId)) > 0);
}
