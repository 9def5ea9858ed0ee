using System.Globalization;

namespace Crawler.Bench.Dedup;

/// <summary>The index peer: faiss from Debian's python3-faiss, installed with apt-get when missing, run by Debian's python.</summary>
internal static class FaissPeer
{
    // Debian's interpreter, not whichever python3 comes first on PATH: the package installs into its dist-packages.
    private const string Python = "/usr/bin/python3";

    public static void Ensure()
    {
        if (ChildProcess.Run(Python, ["-c", "import faiss"], quiet: true) is not null)
        {
            return;
        }
        _ = ChildProcess.Run("apt-get", ["update", "-qq"], quiet: false) ?? throw new InvalidOperationException("apt-get update failed");
        _ = ChildProcess.Run("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "python3-faiss"], quiet: false)
            ?? throw new InvalidOperationException("could not install python3-faiss");
    }

    /// <returns>The script's <c>name=value</c> lines.</returns>
    public static IReadOnlyDictionary<string, double> RangeSearch(string vectors, string queries, int dimensions, float threshold)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Peers", "faiss_range.py");
        var output = ChildProcess.Run(Python, [script, vectors, queries, dimensions.ToString(CultureInfo.InvariantCulture), threshold.ToString(CultureInfo.InvariantCulture)], quiet: false)
            ?? throw new InvalidOperationException("the faiss peer failed");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('='))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => double.Parse(parts[1], CultureInfo.InvariantCulture));
    }
}
