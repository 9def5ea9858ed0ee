using Crawler.TestSupport;
using Crawler.Worker.Exporting;
using Crawler.Worker.OptOuts;
using Crawler.Worker.Tests.Exporting;
using Microsoft.Extensions.DependencyInjection;

namespace Crawler.Worker.Tests.OptOuts;

public sealed class UserOptOutTests
{
    private const string Columns = "id, source_image.path AS source, target_image.path AS target, instruction, raw_request, thread_url, reply_url, requester_hash, editor_hash, split";

    [Fact]
    public async Task OptOut_RemovesTheUsersRequestsAndEditsFromTheNextSnapshot_ListsThemRemoved_AndLeavesOthersAlone()
    {
        using var fixture = await ExportFixture.CreateAsync();
        // The kept pair's images are its own; the user's images are no other pair's, so they go.
        var kept = await fixture.AddPairAsync("keep01", "k1", requester: "alice_asks", editor: "bob_edits");
        var edited = await fixture.AddPairAsync("keep02", "x2", target: PlantedMetadata.Jpeg(width: 340), requester: "carol_asks", editor: "Leaving_Larry");
        var requested = await fixture.AddPairAsync("gone03", "x3", source: PlantedMetadata.Jpeg(width: 300), target: PlantedMetadata.Jpeg(width: 350), requester: "leaving_larry", editor: "bob_edits");
        var first = await fixture.ExportAsync();
        var keptBefore = ExportFixture.Rows(first, Columns).Single(r => (string)r["id"]! == kept);
        var larryImages = await fixture.QueryAsync<string>(
            "SELECT u.sha256 FROM image_urls u WHERE u.url IN ('https://i.redd.it/x2.jpg', 'https://i.redd.it/gone03.jpg', 'https://i.redd.it/x3.jpg')");

        var result = await fixture.Services.GetRequiredService<UserOptOut>().ApplyAsync(["LEAVING_LARRY"], CancellationToken.None);
        var second = await fixture.ExportAsync();

        Assert.Equal((1, 1, 3), (result.Threads, result.Replies, result.Images));
        var rows = ExportFixture.Rows(second, Columns);
        Assert.Equal([kept], rows.Select(r => (string)r["id"]!));
        Assert.Equal(keptBefore, rows.Single());
        Assert.Equal([requested, edited], second.Manifest.RemovedIds); // in id order
        Assert.All(larryImages, sha => Assert.False(fixture.Blobs.Exists(sha), $"image {sha} of the opted-out user is still stored"));
        // Only the hash the snapshots use is kept; the name is gone from every row.
        var hash = await fixture.Services.GetRequiredService<UserHasher>().CreateAsync(CancellationToken.None);
        Assert.Equal([hash("leaving_larry")], await fixture.QueryAsync<string>("SELECT user_hash FROM opt_outs"));
        Assert.Equal(0L, (await fixture.QueryAsync<long>("""
            SELECT (SELECT COUNT(*) FROM threads WHERE lower(author) = 'leaving_larry' OR title <> '' AND thread_id = 'gone03')
                 + (SELECT COUNT(*) FROM replies WHERE lower(author) = 'leaving_larry')
                 + (SELECT COUNT(*) FROM pairs WHERE lower(editor) = 'leaving_larry')
            """)).Single());
    }

    [Fact]
    public async Task Export_LeavesOutAnOptedOutUsersPairsCrawledAfterTheOptOut()
    {
        using var fixture = await ExportFixture.CreateAsync();
        await fixture.Services.GetRequiredService<UserOptOut>().ApplyAsync(["leaving_larry"], CancellationToken.None);
        var kept = await fixture.AddPairAsync("keep01", "k1");
        await fixture.AddPairAsync("late02", "l2", editor: "Leaving_Larry");

        var snapshot = await fixture.ExportAsync();

        Assert.Equal([kept], ExportFixture.Rows(snapshot, "id").Select(r => (string)r["id"]!));
    }

    [Fact]
    public void Names_ComeFromArgumentsAndFileLines_WithBadLinesRefusedByNumber()
    {
        var (names, refused) = OptOutNames.Read(["u/First_One"], ["# requests of March", "", "  second-one ", "/u/first_one", "not a name!", new string('x', 65)]);

        Assert.Equal(["First_One", "second-one"], names);
        Assert.Equal(["line 5: 'not a name!' is not a user name (letters, digits, _ and -, at most 64)", $"line 6: '{new string('x', 65)}' is not a user name (letters, digits, _ and -, at most 64)"], refused);
    }
}
