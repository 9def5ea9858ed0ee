using System.Globalization;
using Microsoft.Extensions.Options;

namespace Crawler.Fetching.Transport;

/// <summary>
/// Reads a response body as it streams: never more than the cap of decoded bytes (so a compression bomb
/// stops at the cap, whatever it would inflate to), and never slower than the minimum transfer rate.
/// </summary>
public sealed class BodyReader(IOptions<FetchOptions> options, TimeProvider time)
{
    private const int ChunkBytes = 81920;

    public async Task<byte[]> ReadAsync(HttpContent content, long cap, bool truncateAtCap, CancellationToken ct)
    {
        if (!truncateAtCap && content.Headers.ContentLength is { } declared && declared > cap)
        {
            throw new FetchException(Invariant($"too large: {declared:N0} bytes declared, the cap is {cap:N0}"), transient: false);
        }
        var settings = options.Value;
        using var slow = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var guard = new TransferRateGuard(time, settings.MinTransferBytesPerSecond, TimeSpan.FromSeconds(settings.TransferRateWindowSeconds), slow);
        try
        {
            return await CopyCappedAsync(content, cap, truncateAtCap, guard, slow.Token);
        }
        catch (OperationCanceledException e) when (guard.TrippedAt is { } arrived && !ct.IsCancellationRequested)
        {
            throw new FetchException(
                Invariant($"too slow: {arrived:N0} bytes in {guard.Window.TotalSeconds:0} s, under the minimum of {settings.MinTransferBytesPerSecond:N0} bytes/s"),
                transient: true, inner: e);
        }
    }

    private static async Task<byte[]> CopyCappedAsync(HttpContent content, long cap, bool truncateAtCap, TransferRateGuard guard, CancellationToken ct)
    {
        await using var stream = await content.ReadAsStreamAsync(ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[ChunkBytes];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            guard.Add(read);
            if (buffer.Length + read > cap)
            {
                if (truncateAtCap)
                {
                    buffer.Write(chunk, 0, (int)(cap - buffer.Length));
                    break;
                }
                throw new FetchException(Invariant($"too large: the decoded body exceeds the cap of {cap:N0} bytes"), transient: false);
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
