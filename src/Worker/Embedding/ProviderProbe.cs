using System.Diagnostics;

namespace Crawler.Worker.Embedding;

/// <summary>
/// Tries a CUDA provider library in a child process (<c>crawler gpu-check</c>): one built for another ONNX
/// Runtime can crash the process that loads it, and the service must survive that and use the CPU.
/// </summary>
public sealed class ProviderProbe(ProbeCommand command, TimeSpan timeout)
{
    /// <returns>Null when the library works; otherwise why not, in one line.</returns>
    public string? Failure(string library, int deviceId)
    {
        var start = new ProcessStartInfo(command.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in command.Arguments.Concat(["gpu-check", "--cuda-library", library, "--device", deviceId.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {command.FileName}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return $"the probe did not finish within {timeout.TotalSeconds:0} s";
        }
        var said = LastLine(stdout.Result) ?? LastLine(stderr.Result) ?? "no output";
        return process.ExitCode switch
        {
            0 => null,
            > 128 => $"the probe crashed ({Signal(process.ExitCode - 128)}); last output: {said}",
            _ => said,
        };
    }

    private static string? LastLine(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();

    private static string Signal(int number) => number switch
    {
        6 => "SIGABRT",
        9 => "SIGKILL",
        11 => "SIGSEGV",
        _ => $"signal {number}",
    };
}

/// <summary>How to start this program again as a child: the executable, and the entry assembly when run through <c>dotnet</c>.</summary>
public sealed record ProbeCommand(string FileName, IReadOnlyList<string> Arguments)
{
    public static ProbeCommand ThisProgram()
    {
        var process = Environment.ProcessPath ?? throw new InvalidOperationException("the path of this process is unknown");
        var entry = System.Reflection.Assembly.GetEntryAssembly()?.Location;
        return Path.GetFileNameWithoutExtension(process) == "dotnet" && entry is { Length: > 0 }
            ? new ProbeCommand(process, [entry])
            : new ProbeCommand(process, []);
    }
}
