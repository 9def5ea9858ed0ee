namespace Crawler.TestSupport.Forums;

/// <summary>A thread at <c>/forum/threads/{Slug}.{Id}/</c>; its first post is the request.</summary>
public sealed class ForumThread(int id, int boardId, string slug, string title, int photoSeed)
{
    public int Id { get; } = id;

    public int BoardId { get; } = boardId;

    public string Slug { get; } = slug;

    public string Title { get; } = title;

    /// <summary>Seeds the request's photo and its edits, so each thread's original is a different picture.</summary>
    public int PhotoSeed { get; } = photoSeed;

    public List<ForumPost> Posts { get; } = [];

    public string Requester => Posts[0].Author;

    public long LastPostUtc => Posts[^1].CreatedUtc;

    public string Path => $"threads/{Slug}.{Id}/";
}
