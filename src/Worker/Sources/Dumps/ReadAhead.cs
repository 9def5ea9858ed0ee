using System.IO.Pipelines;

namespace Crawler.Worker.Sources.Dumps;

/// <summary>
/// Decompresses on a thread of its own, a few megabytes ahead of the reader, so that zstd and the line work
/// run side by side on two cores instead of taking turns. An error of the source (a cut-off or damaged
/// <c>.zst</c>) reaches the reader where the good bytes end, as the same exception.
/// </summary>
internal sealed class ReadAhead : IDisposable
{
    private const int ChunkBytes = 1 << 20;

    private readonly Pipe _pipe = new(new PipeOptions(pauseWriterThreshold: 16 << 20, resumeWriterThreshold: 8 << 20, useSynchronizationContext: false));
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _filling;

    public ReadAhead(Stream source)
    {
        Content = _pipe.Reader.AsStream();
        _filling = Task.Run(() => FillAsync(source, _stop.Token));
    }

    public Stream Content { get; }

    private async Task FillAsync(Stream source, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                var read = await source.ReadAsync(_pipe.Writer.GetMemory(ChunkBytes), ct);
                if (read == 0)
                {
                    break;
                }
                _pipe.Writer.Advance(read);
                if ((await _pipe.Writer.FlushAsync(ct)).IsCompleted)
                {
                    break; // the reader stopped early
                }
            }
            await _pipe.Writer.CompleteAsync();
        }
        catch (Exception e)
        {
            await _pipe.Writer.CompleteAsync(e);
        }
    }

    /// <summary>Stops the filling and waits for it, so the source can be disposed after.</summary>
    public void Dispose()
    {
        _stop.Cancel();
        _pipe.Reader.Complete();
        _filling.GetAwaiter().GetResult();
        _stop.Dispose();
    }
}
