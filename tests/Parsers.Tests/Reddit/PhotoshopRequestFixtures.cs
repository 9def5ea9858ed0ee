using Crawler.Core.Domain;
using Crawler.Parsers.Reddit;
using Crawler.Parsers.Reddit.Html;
using Crawler.TestSupport;

namespace Crawler.Parsers.Tests.Reddit;

/// <summary>The project's own r/PhotoshopRequest-shaped fixtures (see Fixtures/reddit/README.md), parsed.</summary>
internal static class PhotoshopRequestFixtures
{
    public const string GalleryThreadId = "1c9x2kq";

    public static readonly string[] GalleryImages =
    [
        "https://preview.redd.it/8x2k1m9vq3wc1.jpg?width=3024&format=pjpg&auto=webp&s=0a84471295c9377453cc31c9caeff31cf58a9078",
        "https://preview.redd.it/q7f0n3zvq3wc1.jpg?width=3024&format=pjpg&auto=webp&s=f9a08c94401e48c7d9a906a6c7610a8642bc35fb",
    ];

    public static byte[] Bytes(string name) => File.ReadAllBytes(RepoPaths.OwnFixture("reddit", name));

    public static ParsedThread GalleryThread() =>
        new RedditJsonParser().Parse(Bytes($"psr_comments_gallery_request__{GalleryThreadId}.json")).Threads.Single();

    public static ParsedPage GalleryMoreChildren() => new RedditJsonParser().Parse(Bytes($"psr_morechildren__{GalleryThreadId}.json"));

    public static ParsedThread OldRedditThread() =>
        new RedditHtmlParser().Parse(Bytes("psr_oldreddit_comments__1ca0b7m.html")).Threads.Single();
}
