using System.Text.Json;
using Crawler.Core.Text;
using Crawler.TestSupport;

namespace Crawler.Worker.Tests.Exporting;

public sealed class SnapshotExporterTests
{
    [Fact]
    public async Task Export_PublishesImagesWithTheirGpsExifGone_AndHashesOfBothVersions()
    {
        using var fixture = await ExportFixture.CreateAsync();
        var planted = PlantedMetadata.Jpeg();
        var id = await fixture.AddPairAsync("abc123", "def456", source: planted);

        var snapshot = await fixture.ExportAsync();

        var row = ExportFixture.Rows(snapshot, "id, source_image.bytes AS src, source_image.path AS src_path, source_sha256, source_download_sha256, source_width, reply_url, thread_url, requester_hash, editor_hash, raw_request, instruction").Single();
        Assert.Equal(id, row["id"]);
        var exported = (byte[])row["src"]!;
        Assert.Contains(PlantedMetadata.DecodedMetadata(planted), f => f.StartsWith("exif-ifd3-GPS", StringComparison.Ordinal));
        Assert.Empty(PlantedMetadata.DecodedMetadata(exported));
        Assert.False(PlantedMetadata.LeaksAnything(exported));
        Assert.Equal(Sha256Hex.Of(exported), row["source_sha256"]);
        Assert.Equal(Sha256Hex.Of(planted), row["source_download_sha256"]);
        Assert.Equal($"{Sha256Hex.Of(exported)}.jpg", row["src_path"]);
        Assert.Equal(320, row["source_width"]);
        Assert.Equal("https://www.reddit.com/r/PhotoshopRequest/comments/abc123/please_fix/def456/", row["reply_url"]);
        Assert.Equal("Can someone remove the ball?", row["raw_request"]);
        Assert.Equal("Remove the ball.", row["instruction"]);
        Assert.DoesNotContain("alice", ((string)row["requester_hash"]!).ToLowerInvariant(), StringComparison.Ordinal);
        Assert.NotEqual(row["requester_hash"], row["editor_hash"]);
    }

    [Fact]
    public async Task Export_LeavesOutDeletedOptedOutAndRejectedRows_AndListsThemAsRemoved()
    {
        var deletionsFile = Path.Combine(Path.GetTempPath(), $"deletions-{Guid.NewGuid():N}.jsonl");
        using var fixture = await ExportFixture.CreateAsync(new Dictionary<string, string?> { ["Export:DeletionsFile"] = deletionsFile });
        await File.WriteAllTextAsync(deletionsFile, "");
        string[] ids =
        [
            await fixture.AddPairAsync("keep01", "k1"),
            await fixture.AddPairAsync("gone01", "g1"), // thread seen deleted on revisit
            await fixture.AddPairAsync("keep02", "g2"), // reply seen deleted
            await fixture.AddPairAsync("keep03", "g3"), // rejected in review
            await fixture.AddPairAsync("gone04", "g4"), // deletions file: thread by fullname
            await fixture.AddPairAsync("keep05", "g5"), // deletions file: reply by its permalink
            await fixture.AddPairAsync("keep06", "g6"), // deletions file: the edit's image URL
        ];
        var first = await fixture.ExportAsync();
        Assert.Equal(ids.Order(StringComparer.Ordinal), ExportFixture.Rows(first, "id").Select(r => (string)r["id"]!));

        await fixture.ExecAsync("UPDATE threads SET deleted = 1 WHERE thread_id = 'gone01'");
        await fixture.ExecAsync("UPDATE replies SET deleted = 1 WHERE reply_id = 'g2'");
        await fixture.ExecAsync("INSERT INTO reviews (pair_id, verdict, at) VALUES (@id, 'rejected', 0)", new { id = ids[3] });
        await File.WriteAllLinesAsync(deletionsFile,
        [
            """{"site": "reddit", "thread": "t3_gone04"}""",
            """{"site": "reddit", "url": "http://reddit.com/r/PhotoshopRequest/comments/keep05/please_fix/g5"}""",
            "",
            """{"site": "reddit", "url": "https://i.redd.it/g6.jpg?width=640"}""",
            "not json at all",
            """{"site": "reddit", "thread": "x", "reply": "y"}""",
            """{"thread": "keep01"}""",
        ]);
        var second = await fixture.ExportAsync();

        Assert.Equal([ids[0]], ExportFixture.Rows(second, "id").Select(r => (string)r["id"]!));
        Assert.Equal(ids[1..].Order(StringComparer.Ordinal), second.Manifest.RemovedIds);
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(second.Path, "manifest.json")));
        Assert.Equal(ids[1..].Order(StringComparer.Ordinal), manifest.RootElement.GetProperty("removed_ids").EnumerateArray().Select(e => e.GetString()!));
        var errors = await fixture.QueryAsync<(long Line, string Reason)>("SELECT line, reason FROM deletion_import_errors ORDER BY line");
        Assert.Equal([5L, 6L, 7L], errors.Select(e => e.Line));
        Assert.StartsWith("not JSON", errors[0].Reason, StringComparison.Ordinal);
        Assert.Contains("exactly one of", errors[1].Reason, StringComparison.Ordinal);
        Assert.Contains("site", errors[2].Reason, StringComparison.Ordinal);

        // Importing the same file again adds nothing, and the deleted stay out of every later snapshot.
        var third = await fixture.ExportAsync();
        Assert.Equal(3, (await fixture.QueryAsync<long>("SELECT count(*) FROM deletions")).Single());
        Assert.Equal([ids[0]], ExportFixture.Rows(third, "id").Select(r => (string)r["id"]!));
        Assert.Empty(third.Manifest.RemovedIds);
        File.Delete(deletionsFile);
    }

    [Fact]
    public async Task Export_ListsARemovalAgainstTheSnapshotOnDisk_WhenTheLastRunDiedBeforeRecordingIt()
    {
        using var fixture = await ExportFixture.CreateAsync();
        var kept = await fixture.AddPairAsync("keep01", "k1");
        await fixture.ExportAsync();
        var added = await fixture.AddPairAsync("new001", "n1");
        var unrecorded = await fixture.ExportAsync();
        // The process died after publishing the second snapshot and before the catalog heard of it.
        await fixture.ExecAsync("DELETE FROM snapshots WHERE snapshot_id = @id", new { id = unrecorded.Manifest.SnapshotId });
        await fixture.ExecAsync("INSERT INTO reviews (pair_id, verdict, at) VALUES (@added, 'rejected', 0)", new { added });

        var next = await fixture.ExportAsync();

        Assert.Equal(unrecorded.Manifest.SnapshotId, next.Manifest.PreviousSnapshot);
        Assert.Equal([added], next.Manifest.RemovedIds);
        Assert.Equal([kept], ExportFixture.Rows(next, "id").Select(r => (string)r["id"]!));
        var history = await fixture.QueryAsync<string>("SELECT snapshot_id FROM snapshots ORDER BY snapshot_id");
        Assert.Contains(unrecorded.Manifest.SnapshotId, history);
        Assert.Equal(3, history.Count);
    }

    [Fact]
    public async Task Export_ReencodesAnUprightingImageOnce_AndReusesThoseBytesLater()
    {
        using var fixture = await ExportFixture.CreateAsync();
        var rotated = PlantedMetadata.Jpeg(orientation: 6);
        await fixture.AddPairAsync("rot001", "r1", source: rotated, sourceOrientation: 6);

        var first = await fixture.ExportAsync();
        // Without its download, a second re-encode is impossible: the bytes can only come from the recorded result.
        fixture.Blobs.Delete(Sha256Hex.Of(rotated));
        var second = await fixture.ExportAsync();

        var (a, b) = (ExportFixture.Rows(first, "source_image.bytes AS src, source_width, source_height").Single(), ExportFixture.Rows(second, "source_image.bytes AS src").Single());
        Assert.Equal((byte[])a["src"]!, (byte[])b["src"]!);
        Assert.Equal((240, 320), ((int)a["source_width"]!, (int)a["source_height"]!));
        Assert.False(PlantedMetadata.LeaksAnything((byte[])a["src"]!));
        Assert.Equal(1, first.Manifest.ImagesReencoded);
        var record = (await fixture.QueryAsync<(string Treatment, string Reason)>("SELECT treatment, reason FROM export_images WHERE download_sha256 = @sha", new { sha = Sha256Hex.Of(rotated) })).Single();
        Assert.Equal("reencoded", record.Treatment);
        Assert.Contains("orientation 6", record.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_LeavesOutARowWhoseImageIsMissing_RecordingWhy_AndExportsTheRest()
    {
        using var fixture = await ExportFixture.CreateAsync();
        var good = await fixture.AddPairAsync("good01", "g1");
        var lostImage = PlantedMetadata.Jpeg(width: 300);
        await fixture.AddPairAsync("lost01", "l1", source: lostImage);
        fixture.Blobs.Delete(Sha256Hex.Of(lostImage));

        var snapshot = await fixture.ExportAsync();

        Assert.Equal([good], ExportFixture.Rows(snapshot, "id").Select(r => (string)r["id"]!));
        var record = (await fixture.QueryAsync<(string Treatment, string Reason)>("SELECT treatment, reason FROM export_images WHERE download_sha256 = @sha", new { sha = Sha256Hex.Of(lostImage) })).Single();
        Assert.Equal(("failed", "the downloaded file is missing from the blob store"), record);
    }

    [Fact]
    public async Task Export_HashesUserNamesStablyWithinAnInstallation_ButNotAcrossInstallations()
    {
        using var one = await ExportFixture.CreateAsync();
        using var other = await ExportFixture.CreateAsync();
        await one.AddPairAsync("abc123", "def456");
        await other.AddPairAsync("abc123", "def456");

        var first = ExportFixture.Rows(await one.ExportAsync(), "requester_hash").Single()["requester_hash"];
        var again = ExportFixture.Rows(await one.ExportAsync(), "requester_hash").Single()["requester_hash"];
        var elsewhere = ExportFixture.Rows(await other.ExportAsync(), "requester_hash").Single()["requester_hash"];

        Assert.Equal(first, again);
        Assert.NotEqual(first, elsewhere);
    }
}
