namespace Crawler.Bench;

/// <summary>One benchmark: ours and a named peer on the same input, in the same run.</summary>
internal interface IBenchmark
{
    string Name { get; }

    string Description { get; }

    Task<BenchResult> RunAsync(string[] args, CancellationToken ct);
}

/// <summary>Both measurements in one unit where higher is better.</summary>
internal sealed record BenchResult(double Ours, double Peer, string Unit)
{
    /// <summary>The line <c>bench/run</c> ends with, read by tools.</summary>
    public string ResultLine(string name) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"RESULT {name} ours={Ours:0.###} peer={Peer:0.###} unit={Unit} ratio={(Peer > 0 ? Ours / Peer : double.NaN):0.###}");
}
