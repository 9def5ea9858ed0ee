namespace Crawler.Worker.Pipeline;

/// <summary>Where a foreground run shows how far a stage has got (the CLI draws it on a terminal).</summary>
public interface IProgressBar : IDisposable
{
    void Report(int done, int total);
}
