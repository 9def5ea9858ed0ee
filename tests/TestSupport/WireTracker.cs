namespace Crawler.TestSupport;

/// <summary>
/// Counts HTTP exchanges a client has open, from sending the request until the response body is read
/// or dropped. A fake clock must not move while an exchange is merely in transit: on a loaded machine a
/// loopback round trip can outlast the driver's patience and fire a timeout that never happened.
/// </summary>
public sealed class WireTracker(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private int _open;

    public int Open => Volatile.Read(ref _open);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _open);
        var released = 0;
        void Release()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                Interlocked.Decrement(ref _open);
            }
        }
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var tracked = new StreamContent(new ClosingStream(body, Release));
            foreach (var header in response.Content.Headers)
            {
                tracked.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
            response.Content = tracked;
            return response;
        }
        catch
        {
            Release();
            throw;
        }
    }

    /// <summary>Passes reads through and reports the end of the body or its disposal, whichever comes first.</summary>
    private sealed class ClosingStream(Stream inner, Action closed) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Ended(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            try
            {
                return Ended(await inner.ReadAsync(buffer, cancellationToken));
            }
            catch
            {
                closed();
                throw;
            }
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                closed();
                inner.Dispose();
            }
            base.Dispose(disposing);
        }

        private int Ended(int read)
        {
            if (read == 0)
            {
                closed();
            }
            return read;
        }
    }
}
