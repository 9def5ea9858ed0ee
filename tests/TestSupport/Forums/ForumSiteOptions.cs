namespace Crawler.TestSupport.Forums;

/// <summary>The size of the generated forum. The defaults give two listing pages a board and two pages a thread.</summary>
public sealed record ForumSiteOptions
{
    public int Boards { get; init; } = 2;

    public int ThreadsPerBoard { get; init; } = 25;

    /// <summary>Posts in each thread as generated, the request included.</summary>
    public int PostsPerThread { get; init; } = 26;

    /// <summary>Whether posts carry images (the request's original, the edits); without, text only.</summary>
    public bool Images { get; init; } = true;

    /// <summary>When the first thread was started; the others follow three hours apart.</summary>
    public DateTimeOffset FirstPostUtc { get; init; } = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>XenForo's defaults: 20 threads a listing page, 20 posts a thread page.</summary>
    public const int PageSize = 20;
}
