namespace Crawler.Worker.Cli;

/// <summary>Checks a file a verb is asked to read, so that a wrong path is one line rather than a stack trace.</summary>
internal static class InputFile
{
    /// <returns>Why <paramref name="path"/> cannot be read as a file; null when it can be opened.</returns>
    public static string? Problem(string path)
    {
        if (Directory.Exists(path))
        {
            return $"{path} is a folder, not a file";
        }
        if (!File.Exists(path))
        {
            return $"no file {path}";
        }
        try
        {
            using var _ = File.OpenRead(path);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot read {path}: {e.Message}";
        }
    }
}
