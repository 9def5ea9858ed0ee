using System.IO.Pipelines;
using System.Runtime.ExceptionServices;

namespace Crawler.Worker.Dumps;

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
    private volatile Exception? _brokenOff;

    public ReadAhead(Stream source)
    {
        Content = new ThenTheError(_pipe.Reader.AsStream(), this);
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
            // Not handed to the pipe, whose reader would throw it at once, losing the good bytes still in the pipe.
            _brokenOff = e;
            await _pipe.Writer.CompleteAsync();
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

    /// <summary>The pipe's bytes, then the source's error where they end.</summary>
    private sealed class ThenTheError(Stream pipe, ReadAhead owner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await pipe.ReadAsync(buffer, cancellationToken);
            if (read == 0 && buffer.Length > 0 && owner._brokenOff is { } error)
            {
                ExceptionDispatchInfo.Throw(error);
            }
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
