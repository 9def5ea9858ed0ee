using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Crawler.TestSupport;

/// <summary>Runs the real <c>crawler</c> executable as a child process, capturing its output.</summary>
public sealed partial class CrawlerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly object _lock = new();

    private CrawlerProcess(Process process)
    {
        _process = process;
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Stdout
    {
        get
        {
            lock (_lock)
            {
                return _stdout.ToString();
            }
        }
    }

    public string Stderr
    {
        get
        {
            lock (_lock)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>The environment variable that sends the shipped Arctic Shift source's host elsewhere.</summary>
    public const string ArcticShiftHostOverride = "CRAWLER_Fetch__HostOverrides__arctic-shift.photon-reddit.com";

    public static CrawlerProcess Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null) =>
        Launch([RepoPaths.CrawlerDll, .. args], environment, workingDirectory: null);

    /// <summary>Runs it the README's way, <c>dotnet run --project src/Worker</c> (built already), from <paramref name="workingDirectory"/>.</summary>
    public static CrawlerProcess StartWithDotnetRun(IEnumerable<string> args, string workingDirectory) =>
        Launch(["run", "--project", Path.Combine(RepoPaths.Root, "src", "Worker"), "--no-build", "-c", RepoPaths.Configuration, "--", .. args], null, workingDirectory);

    private static CrawlerProcess Launch(IEnumerable<string> dotnetArgs, IReadOnlyDictionary<string, string>? environment, string? workingDirectory)
    {
        if (!File.Exists(RepoPaths.CrawlerDll))
        {
            throw new FileNotFoundException($"Build the solution first: {RepoPaths.CrawlerDll} is missing");
        }
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (workingDirectory is not null)
        {
            info.WorkingDirectory = workingDirectory;
        }
        foreach (var arg in dotnetArgs)
        {
            info.ArgumentList.Add(arg);
        }
        // The shipped configuration crawls Arctic Shift: its host leads to a closed loopback port unless a test points
        // it elsewhere, so no test ever reaches the real service.
        info.Environment[ArcticShiftHostOverride] = "127.0.0.1:1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var wrapper = new CrawlerProcess(process);
        process.OutputDataReceived += (_, e) => wrapper.Append(wrapper._stdout, e.Data);
        process.ErrorDataReceived += (_, e) => wrapper.Append(wrapper._stderr, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return wrapper;
    }

    /// <summary>Runs to completion (or kills it at the timeout and fails).</summary>
    public static async Task<CrawlerProcess> RunAsync(IEnumerable<string> args, TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var process = Start(args, environment);
        await process.WaitForExitAsync(timeout);
        return process;
    }

    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"crawler did not exit within {timeout}. stderr:\n{Stderr}");
        }
        // WaitForExitAsync returns before the redirected streams are drained; this waits for them.
        _process.WaitForExit();
    }

    /// <summary>Waits until standard error contains <paramref name="text"/>.</summary>
    public Task WaitForStderrAsync(string text, TimeSpan timeout) => WaitForAsync(() => Stderr, "stderr", text, timeout);

    /// <summary>Waits until standard output (where the service logs) contains <paramref name="text"/>.</summary>
    public Task WaitForStdoutAsync(string text, TimeSpan timeout) => WaitForAsync(() => Stdout, "stdout", text, timeout);

    private async Task WaitForAsync(Func<string> stream, string name, string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!stream().Contains(text, StringComparison.Ordinal))
        {
            if (HasExited || DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"'{text}' never appeared on {name} (exited: {HasExited}). {name}:\n{stream()}");
            }
            await Task.Delay(20);
        }
    }

    /// <summary>Sends a POSIX signal (SIGINT = 2, SIGTERM = 15, SIGKILL = 9).</summary>
    public void Signal(int signal)
    {
        if (Kill(_process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
    }

    private void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_lock)
        {
            target.AppendLine(line);
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
