using ZstdSharp;
using ZstdSharp.Unsafe;

namespace Crawler.Worker.Dumps;

/// <summary>
/// A dump file opened for streaming: zstd-compressed (Pushshift and Arctic Shift <c>.zst</c>, recognised by
/// their magic bytes) or plain ndjson. Nothing is loaded whole; <see cref="Position"/> tells how far into the
/// file on disk reading has come. A compressed file is decompressed ahead of the reader on another thread.
/// </summary>
public sealed class DumpFile : IDisposable
{
    // Pushshift compressed with --long=31: a 2 GiB window, which decoders refuse unless allowed.
    private const int MaxWindowLog = 31;
    private static readonly byte[] ZstdMagic = [0x28, 0xB5, 0x2F, 0xFD];

    private readonly FileStream _file;
    private readonly Stream? _decompressed;
    private readonly ReadAhead? _readAhead;

    private DumpFile(FileStream file, Stream? decompressed)
    {
        _file = file;
        _decompressed = decompressed;
        _readAhead = decompressed is null ? null : new ReadAhead(decompressed);
        Content = _readAhead?.Content ?? file;
    }

    public Stream Content { get; }

    public long Length => _file.Length;

    public long Position => _file.Position;

    public static DumpFile Open(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 20, FileOptions.SequentialScan);
        try
        {
            var magic = new byte[4];
            var compressed = file.ReadAtLeast(magic, 4, throwOnEndOfStream: false) == 4 && magic.AsSpan().SequenceEqual(ZstdMagic);
            file.Position = 0;
            if (!compressed)
            {
                return new DumpFile(file, null);
            }
            var decompressed = new DecompressionStream(file, bufferSize: 1 << 20, leaveOpen: true);
            decompressed.SetParameter(ZSTD_dParameter.ZSTD_d_windowLogMax, MaxWindowLog);
            return new DumpFile(file, decompressed);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _readAhead?.Dispose();
        _decompressed?.Dispose();
        _file.Dispose();
    }
}
