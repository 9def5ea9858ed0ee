namespace Crawler.Worker.Sources.Dumps;

/// <summary>
/// Reads newline-delimited JSON from a stream line by line into one growing buffer, without decoding text.
/// Each line handed out is only valid until the next read.
/// </summary>
public sealed class NdjsonReader(Stream stream)
{
    /// <summary>Reddit things stay far below this; a longer "line" means the file is not ndjson.</summary>
    public const int MaxLineBytes = 64 << 20;

    private byte[] _buffer = new byte[1 << 20];
    private int _start;
    private int _end;
    private bool _done;

    public long LineNumber { get; private set; }

    /// <summary>The next line without its line break (a last line without one included); false at the end.</summary>
    public async ValueTask<(bool Found, ReadOnlyMemory<byte> Line)> ReadLineAsync(CancellationToken ct)
    {
        // Checked per line, not per read: lines come from a buffer that can hold a second of work.
        ct.ThrowIfCancellationRequested();
        while (true)
        {
            var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var line = _buffer.AsMemory(_start, newline);
                _start += newline + 1;
                LineNumber++;
                return (true, TrimCarriageReturn(line));
            }
            if (_done)
            {
                if (_start == _end)
                {
                    return (false, default);
                }
                var last = _buffer.AsMemory(_start, _end - _start);
                _start = _end;
                LineNumber++;
                return (true, TrimCarriageReturn(last));
            }
            await FillAsync(ct);
        }
    }

    private async ValueTask FillAsync(CancellationToken ct)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= MaxLineBytes)
            {
                throw new InvalidDataException($"line {LineNumber + 1} is longer than {MaxLineBytes >> 20} MiB: not newline-delimited JSON");
            }
            Array.Resize(ref _buffer, _buffer.Length * 2); // a line longer than the buffer
        }
        var read = await stream.ReadAsync(_buffer.AsMemory(_end), ct);
        _end += read;
        _done = read == 0;
    }

    private static ReadOnlyMemory<byte> TrimCarriageReturn(ReadOnlyMemory<byte> line) =>
        line.Length > 0 && line.Span[^1] == (byte)'\r' ? line[..^1] : line;
}
