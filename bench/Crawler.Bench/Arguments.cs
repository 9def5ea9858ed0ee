namespace Crawler.Bench;

/// <summary>Reads <c>--name value</c> options of a benchmark's arguments.</summary>
internal static class Arguments
{
    public static string? Value(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
