using Crawler.Core.Domain;

namespace Crawler.Parsers.Reddit.Dumps;

/// <summary>One line of a Pushshift / Arctic Shift dump: a submission (as a thread) or a comment (as a reply).</summary>
/// <param name="Community">The subreddit, as the dump spells it.</param>
public sealed record DumpRecord(string Community, long CreatedUtc, ParsedThread? Thread, ParsedReply? Reply);
