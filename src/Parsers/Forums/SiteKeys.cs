namespace Crawler.Parsers.Forums;

/// <summary>Every key a site file may set; config/sites/README.md says what each one means.</summary>
internal static class SiteKeys
{
    public static IReadOnlyList<SiteKey> All { get; } =
    [
        new("name", SiteKeyKind.Text, Inherited: false),
        new("extends", SiteKeyKind.Text, Inherited: false),
        new("inferred", SiteKeyKind.TextList, Inherited: false),
        new("notes", SiteKeyKind.Text, Inherited: false),
        new("baseUrl", SiteKeyKind.AbsoluteUrl),
        new("listingPath", SiteKeyKind.Template, Required: true, Placeholders: ["board"]),
        new("threadPath", SiteKeyKind.Template, Required: true, Placeholders: ["id"]),
        new("replyUrl", SiteKeyKind.Template, Required: true, Placeholders: ["thread", "id"]),
        new("threadIdPattern", SiteKeyKind.Pattern, Required: true, Placeholders: ["id"]),
        new("pagePattern", SiteKeyKind.Pattern, Placeholders: ["page"]),
        new("boardPattern", SiteKeyKind.Pattern, Placeholders: ["board"]),
        new("title", SiteKeyKind.Selector, Required: true),
        new("board", SiteKeyKind.Selector),
        new("post", SiteKeyKind.Selector, Required: true),
        new("postIdAttribute", SiteKeyKind.Attribute, Required: true),
        new("postIdPattern", SiteKeyKind.Pattern, Placeholders: ["id"]),
        new("postAuthorAttribute", SiteKeyKind.Attribute),
        new("postAuthor", SiteKeyKind.Selector),
        new("postTime", SiteKeyKind.Selector),
        new("postBody", SiteKeyKind.Selector, Required: true),
        new("postScore", SiteKeyKind.Selector),
        new("postScoreNames", SiteKeyKind.Selector),
        new("quote", SiteKeyKind.Selector),
        new("quoteSourceAttribute", SiteKeyKind.Attribute),
        new("signature", SiteKeyKind.Selector),
        new("contentImage", SiteKeyKind.Selector),
        new("imageUrlAttributes", SiteKeyKind.TextList),
        new("lightbox", SiteKeyKind.Selector),
        new("attachment", SiteKeyKind.Selector),
        new("notContent", SiteKeyKind.Selector),
        new("emptyBody", SiteKeyKind.TextList),
        new("nextPage", SiteKeyKind.Selector),
        new("listingRow", SiteKeyKind.Selector, Required: true),
        new("listingTitle", SiteKeyKind.Selector, Required: true),
        new("listingAuthorAttribute", SiteKeyKind.Attribute),
        new("listingAuthor", SiteKeyKind.Selector),
        new("listingTime", SiteKeyKind.Selector),
        new("listingSkip", SiteKeyKind.Selector),
    ];

    public static IReadOnlyDictionary<string, SiteKey> ByName { get; } = All.ToDictionary(k => k.Name, StringComparer.Ordinal);
}
