using System.Globalization;
using System.Text;

namespace Crawler.Fetching.Robots;

/// <summary>
/// Parses robots.txt (RFC 9309) for one product token: the groups naming the token (case-insensitively)
/// are merged; when none does, the <c>*</c> groups apply; when neither exists, everything is allowed. At
/// most <see cref="MaxBytes"/> are parsed, as the RFC allows.
/// </summary>
public static class RobotsParser
{
    public const int MaxBytes = 500 * 1024;

    public static RobotsRules Parse(ReadOnlySpan<byte> content, string productToken)
    {
        var text = Encoding.UTF8.GetString(content[..Math.Min(content.Length, MaxBytes)]).TrimStart('\uFEFF');
        var mine = new Collected();
        var star = new Collected();
        var agents = new List<string>();
        var inRules = false;
        foreach (var rawLine in text.Split('\n'))
        {
            if (Line(rawLine) is not var (key, value))
            {
                continue;
            }
            if (key is "user-agent" or "useragent" or "user agent")
            {
                if (inRules)
                {
                    agents.Clear();
                    inRules = false;
                }
                agents.Add(TokenOf(value));
                if (agents[^1].Equals(productToken, StringComparison.OrdinalIgnoreCase))
                {
                    // A group for us with no rules still means our rules are empty, not the '*' ones.
                    mine.Mark();
                }
                continue;
            }
            if (key is not ("allow" or "disallow" or "crawl-delay"))
            {
                // Sitemap and unknown lines belong to no group and do not end one.
                continue;
            }
            inRules = true;
            foreach (var target in Targets(agents, productToken, mine, star))
            {
                target.Add(key, value);
            }
        }
        var chosen = mine.Seen ? mine : star;
        return new RobotsRules(chosen.Patterns, chosen.CrawlDelay);
    }

    private static IEnumerable<Collected> Targets(List<string> agents, string productToken, Collected mine, Collected star)
    {
        if (agents.Any(a => a.Equals(productToken, StringComparison.OrdinalIgnoreCase)))
        {
            yield return mine.Mark();
        }
        if (agents.Contains("*"))
        {
            yield return star.Mark();
        }
    }

    /// <summary><c>key: value</c> with comments and surrounding blanks removed; null for blank or malformed lines.</summary>
    private static (string Key, string Value)? Line(string raw)
    {
        var hash = raw.IndexOf('#', StringComparison.Ordinal);
        var line = (hash >= 0 ? raw[..hash] : raw).Trim();
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        return colon <= 0 ? null : (line[..colon].Trim().ToLowerInvariant(), line[(colon + 1)..].Trim());
    }

    /// <summary>A User-agent value may carry a version (<c>Googlebot/2.1</c>); only the product token is compared.</summary>
    private static string TokenOf(string value) => value == "*" ? "*" : UserAgentToken.Of(value);

    private sealed class Collected
    {
        public List<RobotsPattern> Patterns { get; } = [];

        public TimeSpan? CrawlDelay { get; private set; }

        /// <summary>A group for this agent exists, even if it has no rules yet.</summary>
        public bool Seen { get; private set; }

        public Collected Mark()
        {
            Seen = true;
            return this;
        }

        public void Add(string key, string value)
        {
            if (key == "crawl-delay")
            {
                if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0 && double.IsFinite(seconds))
                {
                    CrawlDelay = TimeSpan.FromSeconds(Math.Min(seconds, 86_400));
                }
                return;
            }
            // An empty Disallow allows everything, which is the same as having no rule.
            if (value.Length > 0)
            {
                Patterns.Add(new RobotsPattern(RobotsPattern.Normalize(value), key == "allow"));
            }
        }
    }
}
