using System.Diagnostics;
using System.Globalization;
using Crawler.Worker.Dumps;

namespace Crawler.Worker.Cli;

/// <summary>
/// The import's progress on standard error: bytes of the file read, lines, threads and replies, redrawn a few
/// times a second and only when standard error is a terminal (never into logs or pipes).
/// </summary>
internal sealed class DumpProgressBar : IProgress<DumpProgress>, IDisposable
{
    private const int Width = 30;
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly bool _enabled = !Console.IsErrorRedirected;
    private readonly Stopwatch _sinceDrawn = Stopwatch.StartNew();
    private bool _drawn;

    public void Report(DumpProgress value)
    {
        var finished = value.Position >= value.Length;
        if (!_enabled || (!finished && _sinceDrawn.Elapsed < Interval))
        {
            return;
        }
        var share = value.Length == 0 ? 1 : (double)value.Position / value.Length;
        var filled = (int)(Width * Math.Clamp(share, 0, 1));
        Console.Error.Write(string.Create(CultureInfo.InvariantCulture,
            $"\r{Path.GetFileName(value.File),-24} [{new string('#', filled)}{new string('.', Width - filled)}] {share,4:P0} {Mib(value.Position)}/{Mib(value.Length)} MiB, {value.Result.Lines:N0} lines, {value.Result.Threads:N0} threads, {value.Result.Replies:N0} replies "));
        _drawn = true;
        _sinceDrawn.Restart();
        if (finished)
        {
            Dispose();
        }
    }

    public void Dispose()
    {
        if (_drawn)
        {
            Console.Error.WriteLine();
            _drawn = false;
        }
    }

    private static string Mib(long bytes) => (bytes / 1048576.0).ToString("N1", CultureInfo.InvariantCulture);
}
