using ZstdSharp;

namespace Crawler.Worker.Dumps;

/// <summary>
/// Reads the first comments file on threads of its own while the submissions are imported, keeping only the lines
/// the <see cref="CommunitySieve"/> lets through (and the places of lines too long to keep), so that decoding the
/// two files overlaps on two cores. Comments can only be taken once their threads are imported, so what is kept
/// waits for <see cref="HandOverAsync"/>; past <see cref="MaxKeptBytes"/> reading pauses there, and the
/// importer goes on from where it stopped.
/// </summary>
internal sealed class LinesAhead : IDisposable
{
    /// <summary>A few months of one community's comments fit; a dump of a large one is read on afterwards.</summary>
    public const long MaxKeptBytes = 64 << 20;

    private readonly CommunitySieve _sieve;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<(long Number, byte[]? Line)> _kept = [];
    private readonly Task _reading;
    private long _keptBytes;
    private long _lines;
    private long _other;
    private Exception? _brokenOff;

    public LinesAhead(string file, CommunitySieve sieve)
    {
        _sieve = sieve;
        Dump = DumpFile.Open(file);
        Reader = new NdjsonReader(Dump.Content);
        _reading = Task.Run(() => ReadAsync(_stop.Token));
    }

    public DumpFile Dump { get; }

    /// <summary>Where reading stopped; the importer reads on from here once it has what was kept.</summary>
    public NdjsonReader Reader { get; }

    /// <returns>
    /// Lines read and those of other communities; the lines kept in order (null for one too long to keep); and the
    /// error that ended the file early, if one did.
    /// </returns>
    public async Task<(long Lines, long OtherCommunities, IReadOnlyList<(long Number, byte[]? Line)> Kept, Exception? BrokenOff)> HandOverAsync()
    {
        await _reading;
        return (_lines, _other, _kept, _brokenOff);
    }

    private async Task ReadAsync(CancellationToken ct)
    {
        try
        {
            while (_keptBytes < MaxKeptBytes && await Reader.ReadLineAsync(ct) is (true, var line))
            {
                _lines++;
                if (Reader.LineTooLong)
                {
                    _kept.Add((Reader.LineNumber, null));
                }
                else if (line.Span.Trim(" \t"u8).IsEmpty)
                {
                    continue;
                }
                else if (!_sieve.MayBeWanted(line.Span))
                {
                    _other++;
                }
                else
                {
                    _kept.Add((Reader.LineNumber, line.ToArray()));
                    _keptBytes += line.Length;
                }
            }
        }
        catch (Exception e) when (e is ZstdException or EndOfStreamException)
        {
            _brokenOff = e;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The import ended before the comments' turn: nothing kept is wanted any more.
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _reading.GetAwaiter().GetResult();
        _stop.Dispose();
        Dump.Dispose();
    }
}
