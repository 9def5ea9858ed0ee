using System.Diagnostics;

namespace Crawler.Bench.Gpu;

/// <summary>Items per second of a repeated action, over at least the given time.</summary>
internal static class Throughput
{
    public static double Measure(Action run, int perRun, double seconds)
    {
        var clock = Stopwatch.StartNew();
        var done = 0L;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            run();
            done += perRun;
        }
        return done / clock.Elapsed.TotalSeconds;
    }
}
