using System.Security.Cryptography;

namespace Crawler.Export;

/// <summary>
/// A write-only file that hashes what passes through it, so a shard's SHA-256 for the manifest costs no
/// second read of hundreds of megabytes. <see cref="Complete"/> forces the bytes to disk: a snapshot is
/// renamed into place only after its files are durable, or a power cut could publish empty files.
/// </summary>
internal sealed class HashingFileStream(string path) : Stream
{
    private readonly FileStream _file = new(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20, FileOptions.None);
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _written;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => _written;

    public override long Position
    {
        get => _written;
        set => throw new NotSupportedException();
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _hash.AppendData(buffer);
        _file.Write(buffer);
        _written += buffer.Length;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    /// <summary>Flushes to disk and returns the file's SHA-256 and size.</summary>
    public (string Sha256, long Bytes) Complete()
    {
        _file.Flush(flushToDisk: true);
        return (Convert.ToHexStringLower(_hash.GetHashAndReset()), _written);
    }

    public override void Flush() => _file.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _file.Dispose();
            _hash.Dispose();
        }
        base.Dispose(disposing);
    }
}
