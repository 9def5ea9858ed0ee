namespace Crawler.TestSupport.Wayback;

/// <summary>What a request to the loopback archive asked for, for counting.</summary>
public enum WaybackRequestKind
{
    /// <summary><c>/cdx/search/cdx</c>.</summary>
    Cdx,

    /// <summary>A raw replay, <c>/web/&lt;ts&gt;id_/...</c> (or <c>im_</c>).</summary>
    Raw,

    /// <summary>A replay with the toolbar and rewritten links, <c>/web/&lt;ts&gt;/...</c>.</summary>
    Rewritten,

    /// <summary><c>/robots.txt</c>.</summary>
    Robots,

    /// <summary>Anything else (answered 404).</summary>
    Other,
}
