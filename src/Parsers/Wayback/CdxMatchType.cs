namespace Crawler.Parsers.Wayback;

/// <summary>How the CDX API matches the <c>url</c> parameter against archived URLs.</summary>
public enum CdxMatchType
{
    /// <summary>That URL only.</summary>
    Exact,

    /// <summary>Every URL starting with it (a forum's <c>/threads/</c>, say).</summary>
    Prefix,

    /// <summary>Every URL on that host.</summary>
    Host,

    /// <summary>Every URL on that host and its subdomains.</summary>
    Domain,
}
