using Crawler.Worker.Sources;
using Crawler.Core.Domain;
using Crawler.Parsers;
using Crawler.Parsers.Reddit.Dumps;

namespace Crawler.Worker.Dumps;

/// <summary>The state of one import: its filters, the threads comments may join, and what it counted.</summary>
internal sealed class ImportRun(DumpImportRequest request, SourceOptions source, ISiteAdapter adapter, Dictionary<string, (bool Imported, long CreatedUtc)> known)
{
    private readonly HashSet<string> _communities = new(request.Communities, StringComparer.OrdinalIgnoreCase);
    public CommunitySieve Sieve { get; } = new(request.Communities);
    private readonly HashSet<string> _touched = new(StringComparer.Ordinal);
    private readonly long _since = request.Since?.ToUnixTimeSeconds() ?? long.MinValue;
    private readonly long _until = request.Until?.ToUnixTimeSeconds() ?? long.MaxValue;

    public DumpImportResult Result { get; } = new();

    public SourceOptions Source => source;

    public ISiteAdapter Adapter => adapter;

    /// <summary>Threads imported or given replies by this run.</summary>
    public IReadOnlyCollection<string> Touched => _touched;

    /// <summary>The cheapest filter, on the line's bytes: false (and counted) when it is surely of another community.</summary>
    public bool MayKeep(ReadOnlySpan<byte> line)
    {
        if (Sieve.MayBeWanted(line))
        {
            return true;
        }
        Result.OtherCommunities++;
        return false;
    }

    /// <summary>The cheap filter, applied before a line is mapped: its community.</summary>
    public bool Keep(string community, long createdUtc)
    {
        if (_communities.Contains(community))
        {
            return true;
        }
        Result.OtherCommunities++;
        return false;
    }

    /// <returns>Why the line does not belong in a submissions file; null when it was taken or counted as skipped.</returns>
    public string? AcceptSubmission(DumpRecord record, List<DumpRecord> pending)
    {
        if (record.Thread is not { } thread)
        {
            return "a comment in a submissions file";
        }
        if (thread.CreatedUtc < _since || thread.CreatedUtc >= _until)
        {
            Result.OutOfRange++;
        }
        else if (thread.Deleted)
        {
            Result.DeletedInDump++;
        }
        else if (known.TryGetValue(thread.Id, out var state) && !state.Imported)
        {
            Result.AlreadyCrawled++;
        }
        else
        {
            pending.Add(record);
        }
        return null;
    }

    /// <returns>Why the line does not belong in a comments file; null when it was taken or counted as skipped.</returns>
    public string? AcceptComment(DumpRecord record, List<DumpRecord> pending)
    {
        if (record.Reply is not { } reply)
        {
            return "a submission in a comments file";
        }
        if (reply.LinkId is { } thread && known.TryGetValue(thread, out var state) && state.Imported)
        {
            pending.Add(record);
        }
        else
        {
            Result.WithoutThread++;
        }
        return null;
    }

    public void Imported(IReadOnlyList<ParsedThread> batch)
    {
        foreach (var thread in batch)
        {
            known[thread.Id] = (true, thread.CreatedUtc);
            _touched.Add(thread.Id);
        }
        Result.Threads += batch.Count;
    }

    public void RepliesJoined(IReadOnlyList<ParsedReply> batch)
    {
        _touched.UnionWith(batch.Select(r => r.LinkId!));
        Result.Replies += batch.Count;
    }

    public long CreatedOf(string threadId) => known.TryGetValue(threadId, out var state) ? state.CreatedUtc : 0;
}
