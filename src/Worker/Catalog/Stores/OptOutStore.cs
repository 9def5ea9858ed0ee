using Crawler.Core.Domain;
using Dapper;

namespace Crawler.Worker.Catalog.Stores;

/// <summary>
/// The opted-out users' hashes, what the catalog holds of a user, and the forgetting of their name. Names are
/// matched without regard to case, as sites treat them; they are only ever query parameters, never stored.
/// </summary>
public sealed class OptOutStore(ICatalogDb db, TimeProvider time)
{
    public async Task AddAsync(IEnumerable<string> userHashes, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(
            "INSERT INTO opt_outs (user_hash, at) VALUES (@hash, @now) ON CONFLICT (user_hash) DO NOTHING",
            userHashes.Select(hash => new { hash, now = time.Now() }));
    }

    public async Task<IReadOnlySet<string>> HashesAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return (await connection.QueryAsync<string>("SELECT user_hash FROM opt_outs")).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The threads <paramref name="name"/> posted, and the replies they wrote in others' threads.</summary>
    public async Task<(IReadOnlyList<ThreadRef> Threads, IReadOnlyList<(ThreadRef Thread, string ReplyId)> Replies)> ContentOfAsync(string name, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var threads = (await connection.QueryAsync<(string Site, string ThreadId)>(
            "SELECT site, thread_id FROM threads WHERE lower(author) = lower(@name) ORDER BY site, thread_id", new { name }))
            .Select(t => new ThreadRef(t.Site, t.ThreadId)).ToList();
        var replies = (await connection.QueryAsync<(string Site, string ThreadId, string ReplyId)>(
            "SELECT site, thread_id, reply_id FROM replies WHERE lower(author) = lower(@name) ORDER BY site, thread_id, reply_id", new { name }))
            .Select(r => (new ThreadRef(r.Site, r.ThreadId), r.ReplyId)).ToList();
        return (threads, replies);
    }

    /// <summary>Removes the name from every row that still carries it, with the titles of the user's threads.</summary>
    public async Task ForgetNameAsync(string name, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync("UPDATE threads SET author = NULL, title = '' WHERE lower(author) = lower(@name)", new { name }, transaction);
        await connection.ExecuteAsync("UPDATE replies SET author = NULL WHERE lower(author) = lower(@name)", new { name }, transaction);
        await connection.ExecuteAsync("UPDATE pairs SET editor = NULL WHERE lower(editor) = lower(@name)", new { name }, transaction);
        await transaction.CommitAsync(ct);
    }
}
