using System.Diagnostics;

namespace Crawler.Bench;

/// <summary>Installs an npm package into <c>bench/.peers/NAME</c> (once) and runs node scripts against it.</summary>
internal sealed class NpmPeer(string name, params string[] packages)
{
    private string Folder => Path.Combine(RepoPaths.Root, "bench", ".peers", name);

    public void Install()
    {
        if (Directory.Exists(Path.Combine(Folder, "node_modules")))
        {
            return;
        }
        Directory.CreateDirectory(Folder);
        Run("npm", ["install", "--no-audit", "--no-fund", "--prefix", Folder, .. packages], null);
    }

    /// <summary>Runs a script of <c>bench/Crawler.Bench/Peers</c> with the peer's modules; returns its standard output.</summary>
    public string Node(string script, IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? environment = null) =>
        Run("node", [Path.Combine(AppContext.BaseDirectory, "Peers", script), .. args], environment);

    private string Run(string program, IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["NODE_PATH"] = Path.Combine(Folder, "node_modules");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited with {process.ExitCode}");
    }
}
