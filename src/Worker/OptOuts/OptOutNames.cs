using System.Text.RegularExpressions;

namespace Crawler.Worker.OptOuts;

/// <summary>
/// User names given to <c>optout</c>, on the command line or one a line in a file (blank lines and <c># notes</c>
/// skipped, a <c>u/</c> prefix dropped). A line that is no user name is refused with its reason, not guessed at.
/// </summary>
public static partial class OptOutNames
{
    public static string? Problem(string name) =>
        UserName().IsMatch(name) ? null : $"'{name}' is not a user name (letters, digits, _ and -, at most 64)";

    public static (IReadOnlyList<string> Names, IReadOnlyList<string> Refused) Read(IEnumerable<string> given, IEnumerable<string> fileLines)
    {
        var names = new List<string>();
        var refused = new List<string>();
        foreach (var name in given.Select(Bare))
        {
            Add(name, Problem(name), null);
        }
        var number = 0;
        foreach (var line in fileLines)
        {
            number++;
            var name = Bare(line);
            if (name.Length > 0 && !name.StartsWith('#'))
            {
                Add(name, Problem(name), number);
            }
        }
        return (names.Distinct(StringComparer.OrdinalIgnoreCase).ToList(), refused);

        void Add(string name, string? problem, int? line)
        {
            if (problem is null)
            {
                names.Add(name);
            }
            else
            {
                refused.Add(line is null ? problem : $"line {line}: {problem}");
            }
        }
    }

    private static string Bare(string text)
    {
        var name = text.Trim();
        return name.StartsWith("/u/", StringComparison.OrdinalIgnoreCase) ? name[3..]
            : name.StartsWith("u/", StringComparison.OrdinalIgnoreCase) ? name[2..]
            : name;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex UserName();
}
