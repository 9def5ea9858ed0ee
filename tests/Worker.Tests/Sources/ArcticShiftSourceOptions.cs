using Crawler.Parsers.Reddit.ArcticShift;
using Crawler.TestSupport;
using Crawler.Worker.Sources;

namespace Crawler.Worker.Tests.Sources;

/// <summary>An Arctic Shift source pointed at an <see cref="ArcticShiftServer"/>, and the answers saved for it.</summary>
internal static class ArcticShiftSourceOptions
{
    public static SourceOptions For(ArcticShiftServer server, int listingPages = 5) => new()
    {
        Name = "arctic-test",
        Adapter = ArcticShiftParser.FormatName,
        BaseUrl = server.BaseUrl.AbsoluteUri,
        Communities = ["PhotoshopRequest"],
        ListingPages = listingPages,
        StartDaysAgo = 30,
        RevisitWindowHours = 96, // from posting: the saved posts are two days old on the pipeline's clock
        FirstRevisitMinutes = 60,
        ExemptFromRobots = true,
        NoPoliteness = true,
    };

    public static string Fixture(string name) => RepoPaths.OwnFixture("arctic-shift", name);
}
