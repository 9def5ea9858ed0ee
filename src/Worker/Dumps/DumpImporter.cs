using Crawler.Worker.Sources;
using Crawler.Worker.Catalog.Work;
using Crawler.Core.Domain;
using Crawler.Parsers;
using Crawler.Parsers.Reddit;
using Crawler.Parsers.Reddit.Dumps;
using Crawler.Worker.Catalog.Stores;
using Crawler.Worker.Pipeline;
using Crawler.Worker.Pipeline.Sites;
using Microsoft.Extensions.Options;
using ZstdSharp;

namespace Crawler.Worker.Dumps;

/// <summary>
/// Imports Pushshift / Arctic Shift dumps: submissions of the chosen communities and time range become threads
/// (in the frontier as <c>imported</c>), then comments join the threads imported now or before. Files are
/// streamed; writes go in batches and are upserts, so an interrupted import is simply run again. Imported
/// threads are queued for pairing, and for the deletion sweep, which asks Reddit what has been deleted since.
/// </summary>
public sealed class DumpImporter(
    IOptionsMonitor<SourcesOptions> sources,
    SiteDrivers drivers,
    FrontierStore frontier,
    ThreadStore threads,
    WorkQueue queue,
    TimeProvider time)
{
    private const int BatchSize = 1000;

    /// <exception cref="ArgumentException">The source is unknown or not a Reddit API source.</exception>
    /// <exception cref="InvalidDataException">A compressed file breaks off; the lines before the break are imported.</exception>
    public async Task<DumpImportResult> ImportAsync(DumpImportRequest request, IProgress<DumpProgress>? progress, CancellationToken ct)
    {
        var source = sources.CurrentValue.Items.FirstOrDefault(s => s.Name == request.Source)
            ?? throw new ArgumentException($"no source named '{request.Source}' is configured");
        var driver = drivers.For(source);
        if (!driver.TakesDumps)
        {
            throw new ArgumentException($"source '{source.Name}' uses adapter '{source.Adapter}'; dumps are imported into a source of adapter {string.Join(" or ", drivers.TakingDumps)}");
        }
        var run = new ImportRun(request, source, driver.Adapter(source), await frontier.KnownAsync(RedditSite.Name, ct));
        // Decoding is the slow part and comments wait for their threads, so the first comments file is decoded
        // beside the submissions; without submissions there is nothing to overlap.
        using var commentsAhead = request.Submissions.Count > 0 && request.Comments.Count > 0 ? new LinesAhead(request.Comments[0], run.Sieve) : null;
        try
        {
            foreach (var file in request.Submissions)
            {
                await ReadAsync(file, null, run, progress, (record, pending) => run.AcceptSubmission(record, pending), FlushThreadsAsync, ct);
            }
            for (var i = 0; i < request.Comments.Count; i++)
            {
                await ReadAsync(request.Comments[i], i == 0 ? commentsAhead : null, run, progress, (record, pending) => run.AcceptComment(record, pending), FlushRepliesAsync, ct);
            }
        }
        catch (InvalidDataException)
        {
            // What came before the broken file is imported: it goes on to pairing all the same.
            await QueueAsync(run, ct);
            throw;
        }
        await QueueAsync(run, ct);
        return run.Result;
    }

    /// <param name="ahead">The file already opened and partly read ahead, or null to open it here.</param>
    private static async Task ReadAsync(string file, LinesAhead? ahead, ImportRun run, IProgress<DumpProgress>? progress,
        Func<DumpRecord, List<DumpRecord>, string?> accept, Func<ImportRun, List<DumpRecord>, CancellationToken, Task> flush, CancellationToken ct)
    {
        using var opened = ahead is null ? DumpFile.Open(file) : null;
        var dump = opened ?? ahead!.Dump;
        var reader = ahead?.Reader ?? new NdjsonReader(dump.Content);
        var pending = new List<DumpRecord>(BatchSize);
        if (ahead is not null)
        {
            var (lines, other, kept, brokenOff) = await ahead.HandOverAsync();
            run.Result.Lines += lines;
            run.Result.OtherCommunities += other;
            foreach (var (number, line) in kept)
            {
                if (Take(file, number, line is null, line, run, accept, pending))
                {
                    await flush(run, pending, ct);
                }
            }
            if (brokenOff is not null)
            {
                await flush(run, pending, ct);
                throw BrokenOff(file, reader, brokenOff);
            }
        }
        while (await NextLineAsync(reader, file, () => flush(run, pending, ct), ct) is (true, var line))
        {
            run.Result.Lines++;
            if (!reader.LineTooLong && (line.Span.Trim(" \t"u8).IsEmpty || !run.MayKeep(line.Span)))
            {
                continue;
            }
            if (Take(file, reader.LineNumber, reader.LineTooLong, line, run, accept, pending))
            {
                await flush(run, pending, ct);
                progress?.Report(new DumpProgress(file, dump.Position, dump.Length, run.Result));
            }
        }
        await flush(run, pending, ct);
        progress?.Report(new DumpProgress(file, dump.Length, dump.Length, run.Result));
    }

    /// <summary>Maps one line the sieve let through and takes it or counts why not.</summary>
    /// <returns>Whether a batch is ready to be written.</returns>
    private static bool Take(string file, long number, bool tooLong, ReadOnlyMemory<byte> line, ImportRun run,
        Func<DumpRecord, List<DumpRecord>, string?> accept, List<DumpRecord> pending)
    {
        if (tooLong)
        {
            run.Result.AddMalformed(file, number, $"longer than {NdjsonReader.DefaultMaxLineBytes:N0} bytes, so not one Reddit thing; skipped unread");
            return false;
        }
        try
        {
            if (DumpLine.Read(line, run.Keep) is { } record && accept(record, pending) is { } misplaced)
            {
                run.Result.AddMalformed(file, number, misplaced);
            }
        }
        catch (PageFormatException e)
        {
            run.Result.AddMalformed(file, number, e.Message);
        }
        return pending.Count >= BatchSize;
    }

    /// <summary>The next line; a compressed stream that breaks off (cut short, damaged) ends the file with the reason, once the lines before are saved.</summary>
    private static async Task<(bool Found, ReadOnlyMemory<byte> Line)> NextLineAsync(NdjsonReader reader, string file, Func<Task> savePending, CancellationToken ct)
    {
        try
        {
            return await reader.ReadLineAsync(ct);
        }
        catch (Exception e) when (e is ZstdException or EndOfStreamException)
        {
            await savePending();
            throw BrokenOff(file, reader, e);
        }
    }

    private static InvalidDataException BrokenOff(string file, NdjsonReader reader, Exception e) =>
        new($"{Path.GetFileName(file)} breaks off after line {reader.LineNumber}: {e.Message}; the lines before it are imported", e);

    private async Task FlushThreadsAsync(ImportRun run, List<DumpRecord> pending, CancellationToken ct)
    {
        var batch = pending.Select(r => r.Thread!).DistinctBy(t => t.Id).ToList();
        pending.Clear();
        if (batch.Count == 0)
        {
            return;
        }
        // Frontier first: a thread row is only ever written for a thread the frontier knows.
        await frontier.AddImportedAsync(batch.Select(t => new FrontierEntry
        {
            Site = RedditSite.Name,
            ThreadId = t.Id,
            Source = run.Source.Name,
            Community = t.Community,
            Url = run.Adapter.ThreadUrl(run.Source.BaseUri, t.Community, t.Id).AbsoluteUri,
        }), ct);
        await threads.SaveManyAsync(RedditSite.Name, run.Source.Name, batch, ct);
        run.Imported(batch);
    }

    private async Task FlushRepliesAsync(ImportRun run, List<DumpRecord> pending, CancellationToken ct)
    {
        var batch = pending.Select(r => r.Reply!).ToList();
        pending.Clear();
        if (batch.Count > 0)
        {
            await threads.SaveLooseRepliesAsync(RedditSite.Name, batch, ct);
            run.RepliesJoined(batch);
        }
    }

    private async Task QueueAsync(ImportRun run, CancellationToken ct)
    {
        var touched = run.Touched.Select(id => new ThreadRef(RedditSite.Name, id)).Select(t => (t.Key, SortKeys.ByTime(run.CreatedOf(t.Id), t.Key))).ToList();
        await queue.EnqueueAsync(StageNames.Pair, touched, ct: ct);
        // Dumps hold what was deleted after they were taken; the sweep asks Reddit now rather than in a week.
        await queue.EnqueueIfAbsentAsync(StageNames.DeletionSweep, touched, time.GetUtcNow(), ct);
    }
}
