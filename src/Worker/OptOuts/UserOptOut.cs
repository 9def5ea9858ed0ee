using Crawler.Worker.Catalog.Stores;
using Crawler.Worker.Exporting;
using Crawler.Worker.Pipeline;

namespace Crawler.Worker.OptOuts;

/// <summary>
/// Honours a user's request to be left out, as Reddit's data rules ask: records their hashed name, so every
/// later snapshot leaves out rows they requested or edited, then purges what the catalog holds of them like a
/// deletion at the source (their threads whole, their replies in others' threads), and forgets their name.
/// </summary>
public sealed class UserOptOut(UserHasher hasher, OptOutStore store, DeletionPurger purger)
{
    private const string Origin = "opt-out";

    public async Task<OptOutResult> ApplyAsync(IReadOnlyCollection<string> names, CancellationToken ct)
    {
        var hash = await hasher.CreateAsync(ct);
        // Recorded first: a purge cut short still keeps the user out of every snapshot, and running again finishes it.
        await store.AddAsync(names.Select(hash), ct);
        var result = new OptOutResult();
        foreach (var name in names)
        {
            var (threads, replies) = await store.ContentOfAsync(name, ct);
            foreach (var thread in threads)
            {
                result.Images += await purger.ThreadGoneAsync(thread, Origin, ct);
            }
            foreach (var group in replies.GroupBy(r => r.Thread))
            {
                // The thread's stored page quotes the replies, so it goes too; its next visit stores it without them.
                result.Images += await purger.RepliesGoneAsync(group.Key, group.Select(r => r.ReplyId).ToList(), Origin, rawPagesQuoteThem: true, ct);
            }
            await store.ForgetNameAsync(name, ct);
            result.Threads += threads.Count;
            result.Replies += replies.Count;
        }
        return result;
    }
}
