namespace Crawler.Parsers.Forums;

/// <summary>
/// A site file that cannot be used. Every problem found is one line "file: key: problem", so a user fixes
/// them all in one go instead of one per run.
/// </summary>
public sealed class SiteFileException : Exception
{
    public SiteFileException(IReadOnlyList<string> errors) : base(string.Join("\n", errors)) => Errors = errors;

    public IReadOnlyList<string> Errors { get; }
}
