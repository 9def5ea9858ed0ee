using System.Diagnostics;

namespace Crawler.Bench.Reddit;

/// <summary>The peer: Debian's <c>zstd</c> and <c>jq</c>, installed with apt-get when missing.</summary>
internal static class Peer
{
    public static async Task EnsureAsync(CancellationToken ct)
    {
        if (OnPath("zstd") && OnPath("jq"))
        {
            return;
        }
        await RunAsync("apt-get", "update -qq", ct);
        await RunAsync("apt-get", "install -y -qq --no-install-recommends zstd jq", ct);
    }

    /// <summary>Threads of <paramref name="community"/>, counted from jq's output lines.</summary>
    public static async Task<long> CountAsync(string dump, string community, CancellationToken ct)
    {
        var script = $"zstd -dc --long=31 '{dump}' | jq -c 'select(.subreddit == \"{community}\")' | wc -l";
        var output = await RunAsync("bash", $"-c \"{script.Replace("\"", "\\\"", StringComparison.Ordinal)}\"", ct);
        return long.Parse(output.Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, tool)));

    private static async Task<string> RunAsync(string file, string arguments, CancellationToken ct)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })
            ?? throw new InvalidOperationException($"could not start {file}");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var errors = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {arguments} exited with {process.ExitCode}: {await errors}");
        }
        return await output;
    }
}
