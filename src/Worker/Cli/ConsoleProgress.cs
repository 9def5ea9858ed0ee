using Crawler.Worker.Pipeline;

namespace Crawler.Worker.Cli;

/// <summary>A one-line progress bar on standard error, drawn only when it is a terminal (never into logs or pipes).</summary>
internal sealed class ConsoleProgress(string label) : IProgressBar
{
    private const int Width = 30;
    private readonly bool _enabled = !Console.IsErrorRedirected;
    private bool _drawn;

    public void Report(int done, int total)
    {
        if (!_enabled || total <= 0)
        {
            return;
        }
        var filled = (int)((long)Width * Math.Min(done, total) / total);
        Console.Error.Write($"\r{label,-14} [{new string('#', filled)}{new string('.', Width - filled)}] {done}/{total}");
        _drawn = true;
    }

    public void Dispose()
    {
        if (_drawn)
        {
            Console.Error.WriteLine();
            _drawn = false;
        }
    }
}
