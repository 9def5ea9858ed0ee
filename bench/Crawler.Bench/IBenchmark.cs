namespace Crawler.Bench;

/// <summary>One benchmark: ours and a named peer on the same input, in the same run.</summary>
internal interface IBenchmark
{
    string Name { get; }

    string Description { get; }

    Task<BenchResult> RunAsync(string[] args, CancellationToken ct);
}

/// <summary>
/// Both measurements in one unit. The ratio says how much better ours is: ours/peer where higher is better,
/// peer/ours where lower is (memory). <paramref name="Companions"/> are further results of the same run, each
/// printed as its own RESULT line before the benchmark's own.
/// </summary>
internal sealed record BenchResult(double Ours, double Peer, string Unit, bool LowerIsBetter = false, IReadOnlyList<(string Name, BenchResult Result)>? Companions = null)
{
    private double Ratio => LowerIsBetter ? (Ours > 0 ? Peer / Ours : double.NaN) : (Peer > 0 ? Ours / Peer : double.NaN);

    /// <summary>The lines <c>bench/run</c> ends with, read by tools: the companions', then the benchmark's own.</summary>
    public IEnumerable<string> ResultLines(string name) =>
        (Companions ?? []).Select(c => c.Result.ResultLine(c.Name)).Append(ResultLine(name));

    private string ResultLine(string name) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"RESULT {name} ours={Ours:0.###} peer={Peer:0.###} unit={Unit} ratio={Ratio:0.###}");
}
