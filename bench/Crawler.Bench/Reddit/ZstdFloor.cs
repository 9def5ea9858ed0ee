namespace Crawler.Bench.Reddit;

/// <summary>
/// The floor: Debian's <c>zstd -dc --long=31 | wc -l</c>, decompression and nothing else; installed with
/// apt-get when missing.
/// </summary>
internal static class ZstdFloor
{
    public static void Install()
    {
        if ((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, "zstd"))))
        {
            return;
        }
        if (ChildProcess.Run("apt-get", ["update", "-qq"], quiet: false) is null
            || ChildProcess.Run("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "zstd"], quiet: false) is null)
        {
            throw new InvalidOperationException("zstd is missing and apt-get could not install it");
        }
    }

    public static long CountLines(IEnumerable<string> dumps)
    {
        var files = string.Join(' ', dumps.Select(d => $"'{d}'"));
        var output = ChildProcess.Run("bash", ["-c", $"zstd -dc --long=31 {files} | wc -l"], quiet: false)
            ?? throw new InvalidOperationException("zstd -dc failed");
        return long.Parse(output.Trim(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
