using System.Data.Common;
using Crawler.Core.Domain;
using Dapper;

namespace Crawler.Worker.Catalog.Stores;

/// <summary>Parsed threads and their replies, written together in one transaction.</summary>
public sealed class ThreadStore(ICatalogDb db, TimeProvider time)
{
    public async Task SaveAsync(string site, string source, ParsedThread thread, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await UpsertThreadAsync(connection, transaction, site, source, thread);
        await SaveRepliesAsync(connection, transaction, site, thread.Id, thread.Replies);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Many threads in one transaction (a dump import), each with the replies it carries.</summary>
    public async Task SaveManyAsync(string site, string source, IReadOnlyList<ParsedThread> batch, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        foreach (var thread in batch)
        {
            await UpsertThreadAsync(connection, transaction, site, source, thread);
            await SaveRepliesAsync(connection, transaction, site, thread.Id, thread.Replies);
        }
        await transaction.CommitAsync(ct);
    }

    /// <summary>Loose replies of several threads in one transaction, each filed under its <see cref="ParsedReply.LinkId"/>.</summary>
    public async Task SaveLooseRepliesAsync(string site, IReadOnlyList<ParsedReply> replies, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        foreach (var thread in replies.Where(r => r.LinkId is not null).GroupBy(r => r.LinkId!))
        {
            await SaveRepliesAsync(connection, transaction, site, thread.Key, thread.ToList());
        }
        await transaction.CommitAsync(ct);
    }

    /// <summary>Replies that arrived on their own (a morechildren answer), merged into a known thread.</summary>
    public async Task SaveRepliesAsync(ThreadRef thread, IReadOnlyList<ParsedReply> replies, CancellationToken ct)
    {
        var (site, threadId) = thread;
        await using var connection = await db.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await SaveRepliesAsync(connection, transaction, site, threadId, replies);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Records why a thread's page could not be used (it stays in the catalog with the reason).</summary>
    public async Task RecordFailureAsync(ThreadRef thread, string source, string reason, CancellationToken ct)
    {
        var (site, threadId) = thread;
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync("""
            INSERT INTO threads (site, thread_id, source, community, title, body, created_utc, nsfw, deleted, images, more, parsed_at, status, reason)
            VALUES (@site, @threadId, @source, '', '', '', 0, 0, 0, '[]', '[]', @now, 'failed', @reason)
            ON CONFLICT (site, thread_id) DO UPDATE SET status = 'failed', reason = excluded.reason, parsed_at = excluded.parsed_at
            """, new { site, threadId, source, reason, now = time.Now() });
    }

    public async Task<ParsedThread?> GetAsync(ThreadRef thread, CancellationToken ct)
    {
        var (site, threadId) = thread;
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<ThreadRow>(
            "SELECT * FROM threads WHERE site = @site AND thread_id = @threadId AND status = 'parsed'", new { site, threadId });
        if (row is null)
        {
            return null;
        }
        var replies = await connection.QueryAsync<ReplyRow>(
            "SELECT * FROM replies WHERE site = @site AND thread_id = @threadId ORDER BY created_utc, reply_id", new { site, threadId });
        return new ParsedThread(row.ThreadId, row.Community, row.Title, row.Body, row.Author, row.CreatedUtc, row.Flair,
            row.Nsfw, row.Deleted, JsonList.Read(row.Images), replies.Select(r => r.ToReply()).ToList(), JsonList.Read(row.More), row.Url);
    }

    private Task<int> UpsertThreadAsync(DbConnection connection, DbTransaction transaction, string site, string source, ParsedThread thread) =>
        connection.ExecuteAsync("""
            INSERT INTO threads (site, thread_id, source, community, title, body, author, created_utc, flair, nsfw, deleted,
                url, images, more, parsed_at, status, reason)
            VALUES (@site, @Id, @source, @Community, @Title, @Body, @Author, @CreatedUtc, @Flair, @Nsfw, @Deleted,
                @Url, @images, @more, @now, 'parsed', NULL)
            ON CONFLICT (site, thread_id) DO UPDATE SET source = excluded.source, community = excluded.community,
                title = excluded.title, body = excluded.body, author = excluded.author, created_utc = excluded.created_utc,
                flair = excluded.flair, nsfw = excluded.nsfw, deleted = excluded.deleted, url = excluded.url,
                images = excluded.images, more = excluded.more, parsed_at = excluded.parsed_at, status = 'parsed', reason = NULL
            """, new
        {
            site,
            source,
            thread.Id,
            thread.Community,
            thread.Title,
            thread.Body,
            thread.Author,
            thread.CreatedUtc,
            thread.Flair,
            thread.Nsfw,
            thread.Deleted,
            thread.Url,
            images = JsonList.Write(thread.Images),
            more = JsonList.Write(thread.More),
            now = time.Now(),
        }, transaction);

    private static async Task SaveRepliesAsync(DbConnection connection, DbTransaction transaction, string site, string threadId, IReadOnlyList<ParsedReply> replies)
    {
        await connection.ExecuteAsync("""
            INSERT INTO replies (site, reply_id, thread_id, parent_id, author, created_utc, score, body, deleted, images)
            VALUES (@site, @Id, @threadId, @ParentId, @Author, @CreatedUtc, @Score, @Body, @Deleted, @images)
            ON CONFLICT (site, reply_id) DO UPDATE SET thread_id = excluded.thread_id, parent_id = excluded.parent_id,
                author = excluded.author, created_utc = excluded.created_utc, score = excluded.score, body = excluded.body,
                deleted = excluded.deleted, images = excluded.images
            """, replies.Select(r => new { site, threadId, r.Id, r.ParentId, r.Author, r.CreatedUtc, r.Score, r.Body, r.Deleted, images = JsonList.Write(r.Images) }),
            transaction);
    }

    private sealed record ThreadRow
    {
        public string ThreadId { get; init; } = "";
        public string Community { get; init; } = "";
        public string Title { get; init; } = "";
        public string Body { get; init; } = "";
        public string? Author { get; init; }
        public long CreatedUtc { get; init; }
        public string? Flair { get; init; }
        public bool Nsfw { get; init; }
        public bool Deleted { get; init; }
        public string? Url { get; init; }
        public string Images { get; init; } = "[]";
        public string More { get; init; } = "[]";
    }

    private sealed record ReplyRow
    {
        public string ReplyId { get; init; } = "";
        public string? ParentId { get; init; }
        public string? Author { get; init; }
        public long CreatedUtc { get; init; }
        public int Score { get; init; }
        public string Body { get; init; } = "";
        public bool Deleted { get; init; }
        public string Images { get; init; } = "[]";
        public string ThreadId { get; init; } = "";

        public ParsedReply ToReply() => new(ReplyId, ParentId, Author, CreatedUtc, Score, Body, Deleted, JsonList.Read(Images), ThreadId);
    }
}
