using System.Globalization;

namespace Crawler.Bench;

/// <summary>
/// Measures several contenders in alternating rounds (A B C, A B C, ...) so that a change in the machine's
/// load falls on all of them alike, and reports each one's median with its spread.
/// </summary>
internal static class Interleaved
{
    public static IReadOnlyDictionary<string, Spread> Run(int rounds, IReadOnlyList<(string Name, Func<double> Measure)> contenders, string unit)
    {
        var values = contenders.ToDictionary(c => c.Name, _ => new List<double>());
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var (name, measure) in contenders)
            {
                var value = measure();
                values[name].Add(value);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  round {round}/{rounds} {name,-28} {value,10:0.0} {unit}"));
            }
        }
        return values.ToDictionary(v => v.Key, v => Spread.Of(v.Value));
    }
}

/// <summary>The median of repeated measurements, with the lowest and highest.</summary>
internal sealed record Spread(double Median, double Min, double Max)
{
    public static Spread Of(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Spread(median, sorted[0], sorted[^1]);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Median:0.0} (range {Min:0.0}-{Max:0.0})");
}
