using System.CommandLine;

namespace Crawler.Worker.Cli;

/// <summary>Options several verbs share.</summary>
internal static class CliOptions
{
    public static Option<string?> DataDir() => new("--data-dir")
    {
        Description = "Folder holding the SQLite catalog, the blobs and the snapshots (Storage:DataDir).",
    };

    public static Option<string> RequiredDataDir() => new("--data-dir")
    {
        Description = "Folder holding the SQLite catalog, the blobs and the snapshots (Storage:DataDir).",
        Required = true,
    };
}
