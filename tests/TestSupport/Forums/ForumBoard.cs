namespace Crawler.TestSupport.Forums;

/// <summary>A board (XenForo "forum" node) listed at <c>/forum/forums/{Slug}.{Id}/</c>.</summary>
public sealed record ForumBoard(int Id, string Slug, string Title);
