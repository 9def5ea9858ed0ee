namespace Crawler.Parsers.Forums;

/// <summary>What a site-file key holds, which decides how it is validated.</summary>
internal enum SiteKeyKind
{
    Text,
    TextList,
    Selector,
    Attribute,
    Pattern,
    Template,
    AbsoluteUrl,
}

/// <summary>One key a site file may set.</summary>
/// <param name="Placeholders">For templates: the placeholders each value must hold; for patterns: the named group they must define.</param>
/// <param name="Inherited">False for keys that describe the file itself (its name, notes), not the forum's markup.</param>
internal sealed record SiteKey(string Name, SiteKeyKind Kind, bool Required = false, string[]? Placeholders = null, bool Inherited = true);
