using System.Diagnostics;

namespace Crawler.Bench;

/// <summary>Runs a peer's command and hands back what it printed.</summary>
internal static class ChildProcess
{
    /// <param name="quiet">Swallow standard error (probes whose failure is an answer); otherwise it reaches the console.</param>
    /// <returns>Standard output, or null when the command exits with an error.</returns>
    public static string? Run(string file, IReadOnlyList<string> args, bool quiet)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = quiet, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var errors = quiet ? process.StandardError.ReadToEndAsync() : Task.FromResult("");
        var output = process.StandardOutput.ReadToEnd();
        errors.Wait();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : null;
    }
}
