namespace Crawler.TestSupport.Forums;

/// <summary>
/// One post. <see cref="Attachment"/> is an attachment id (shown in the attachment list), <see cref="Embedded"/>
/// the path of an image embedded in the body as <c>img.bbImage</c>; <see cref="QuotedPostId"/> a quoted post.
/// </summary>
public sealed record ForumPost(int Id, int Number, string Author, long CreatedUtc, string Text, int? Attachment = null, string? Embedded = null, int? QuotedPostId = null);
