using Crawler.Worker.Catalog.Work;
using Crawler.Core.Domain;
using Crawler.Parsers;
using Crawler.Parsers.Reddit;
using Crawler.Parsers.Reddit.Dumps;
using Crawler.Worker.Catalog.Stores;
using Crawler.Worker.Pipeline;
using Microsoft.Extensions.Options;
using ZstdSharp;

namespace Crawler.Worker.Sources.Dumps;

/// <summary>
/// Imports Pushshift / Arctic Shift dumps: submissions of the chosen communities and time range become threads
/// (in the frontier as <c>imported</c>), then comments join the threads imported now or before. Files are
/// streamed; writes go in batches and are upserts, so an interrupted import is simply run again. Imported
/// threads are queued for pairing, and for the deletion sweep, which asks Reddit what has been deleted since.
/// </summary>
public sealed class DumpImporter(
    IOptionsMonitor<SourcesOptions> sources,
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
        if (!SiteAdapters.IsRedditApi(source))
        {
            throw new ArgumentException($"source '{source.Name}' uses adapter '{source.Adapter}'; dumps are imported into a {RedditJsonParser.FormatName} source");
        }
        var run = new ImportRun(request, source, SiteAdapters.For(source), await frontier.KnownAsync(RedditSite.Name, ct));
        try
        {
            foreach (var file in request.Submissions)
            {
                await ReadAsync(file, run, progress, (record, pending) => run.AcceptSubmission(record, pending), FlushThreadsAsync, ct);
            }
            foreach (var file in request.Comments)
            {
                await ReadAsync(file, run, progress, (record, pending) => run.AcceptComment(record, pending), FlushRepliesAsync, ct);
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

    private static async Task ReadAsync(string file, ImportRun run, IProgress<DumpProgress>? progress,
        Func<DumpRecord, List<DumpRecord>, string?> accept, Func<ImportRun, List<DumpRecord>, CancellationToken, Task> flush, CancellationToken ct)
    {
        using var dump = DumpFile.Open(file);
        var reader = new NdjsonReader(dump.Content);
        var pending = new List<DumpRecord>(BatchSize);
        while (await NextLineAsync(reader, file, () => flush(run, pending, ct), ct) is (true, var line))
        {
            run.Result.Lines++;
            if (reader.LineTooLong)
            {
                run.Result.AddMalformed(file, reader.LineNumber, $"longer than {reader.MaxLineBytes:N0} bytes, so not one Reddit thing; skipped unread");
                continue;
            }
            if (line.Span.Trim(" \t"u8).IsEmpty || !run.MayKeep(line.Span))
            {
                continue;
            }
            try
            {
                if (DumpLine.Read(line, run.Keep) is { } record && accept(record, pending) is { } misplaced)
                {
                    run.Result.AddMalformed(file, reader.LineNumber, misplaced);
                }
            }
            catch (PageFormatException e)
            {
                run.Result.AddMalformed(file, reader.LineNumber, e.Message);
            }
            if (pending.Count >= BatchSize)
            {
                await flush(run, pending, ct);
                progress?.Report(new DumpProgress(file, dump.Position, dump.Length, run.Result));
            }
        }
        await flush(run, pending, ct);
        progress?.Report(new DumpProgress(file, dump.Length, dump.Length, run.Result));
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
            throw new InvalidDataException($"{Path.GetFileName(file)} breaks off after line {reader.LineNumber}: {e.Message}; the lines before it are imported", e);
        }
    }

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
