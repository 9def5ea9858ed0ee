using System.Text;
using Crawler.Worker.Dumps;

namespace Crawler.Worker.Tests.Dumps;

public sealed class NdjsonReaderTests
{
    [Fact]
    public async Task ReadLine_HandsOutALineOverTheCapEmpty_AndReadsTheLinesAfterIt()
    {
        var text = "{\"a\":1}\r\n" + new string('x', 5000) + "\n{\"b\":2}\n" + new string('y', 3000);
        var reader = new NdjsonReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), maxLineBytes: 1024);

        var lines = new List<(long Number, string Text, bool TooLong)>();
        while (await reader.ReadLineAsync(CancellationToken.None) is (true, var line))
        {
            lines.Add((reader.LineNumber, Encoding.UTF8.GetString(line.Span), reader.LineTooLong));
        }

        Assert.Equal([(1, "{\"a\":1}", false), (2, "", true), (3, "{\"b\":2}", false), (4, "", true)], lines);
    }

    [Fact]
    public async Task ReadLine_StopsAtOnce_WhenCancelled()
    {
        var reader = new NdjsonReader(new MemoryStream("{}\n{}\n"u8.ToArray()));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await reader.ReadLineAsync(cancelled.Token));
    }
}
