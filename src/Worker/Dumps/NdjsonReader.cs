namespace Crawler.Worker.Dumps;

/// <summary>
/// Reads newline-delimited JSON from a stream line by line into one growing buffer, without decoding text.
/// Each line handed out is only valid until the next read. A line longer than the cap is not kept: its bytes
/// are dropped as they arrive, and it is handed out empty with <see cref="LineTooLong"/> set, so the lines
/// after it are still read.
/// </summary>
public sealed class NdjsonReader(Stream stream, int maxLineBytes = NdjsonReader.DefaultMaxLineBytes)
{
    /// <summary>Reddit things stay far below this; a longer "line" is not one thing (a binary file, a lost newline).</summary>
    public const int DefaultMaxLineBytes = 64 << 20;

    private byte[] _buffer = new byte[Math.Min(1 << 20, maxLineBytes)];
    private int _start;
    private int _end;
    private bool _done;

    public int MaxLineBytes => maxLineBytes;

    public long LineNumber { get; private set; }

    /// <summary>Whether the line last handed out was over <see cref="MaxLineBytes"/>, and so handed out empty.</summary>
    public bool LineTooLong { get; private set; }

    /// <summary>The next line without its line break (a last line without one included); false at the end.</summary>
    public async ValueTask<(bool Found, ReadOnlyMemory<byte> Line)> ReadLineAsync(CancellationToken ct)
    {
        // Checked per line, not per read: lines come from a buffer that can hold a second of work.
        ct.ThrowIfCancellationRequested();
        LineTooLong = false;
        while (true)
        {
            var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var line = _buffer.AsMemory(_start, newline);
                _start += newline + 1;
                return Hand(line);
            }
            if (_done)
            {
                if (_start == _end && !LineTooLong)
                {
                    return (false, default);
                }
                var last = _buffer.AsMemory(_start, _end - _start);
                _start = _end;
                return Hand(last);
            }
            if (_end - _start >= maxLineBytes)
            {
                LineTooLong = true;
                _start = _end = 0;
            }
            await FillAsync(ct);
        }
    }

    private (bool, ReadOnlyMemory<byte>) Hand(ReadOnlyMemory<byte> line)
    {
        LineNumber++;
        return (true, LineTooLong ? ReadOnlyMemory<byte>.Empty : TrimCarriageReturn(line));
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
            Array.Resize(ref _buffer, Math.Min(_buffer.Length * 2, maxLineBytes)); // a line longer than the buffer, within the cap
        }
        var read = await stream.ReadAsync(_buffer.AsMemory(_end), ct);
        _end += read;
        _done = read == 0;
    }

    private static ReadOnlyMemory<byte> TrimCarriageReturn(ReadOnlyMemory<byte> line) =>
        line.Length > 0 && line.Span[^1] == (byte)'\r' ? line[..^1] : line;
}
