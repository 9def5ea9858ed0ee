using Crawler.Core.Domain;
using System.Text;
using Crawler.TestSupport;
using Crawler.Worker.Blobs;
using Crawler.Worker.Catalog.Stores;
using Microsoft.Extensions.Time.Testing;

namespace Crawler.Worker.Tests.Catalog.Stores;

public sealed class RawPageStoreTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UnixEpoch.AddDays(20_000));

    [Fact]
    public async Task Put_KeepsOnlyTheLatestVersion_AndDeletesTheBlobsItReplaces()
    {
        using var catalog = await TestCatalog.CreateAsync();
        using var blobDir = new TempDir();
        var blobs = new BlobStore(blobDir.Path);
        var store = new RawPageStore(catalog.Db, blobs, _time);

        await store.PutAsync(new ThreadRef("reddit", "t1"), Bytes("page v1"), "application/json", [Bytes("more a"), Bytes("more b")], CancellationToken.None);
        await store.PutAsync(new ThreadRef("reddit", "t1"), Bytes("page v2"), "application/json", [Bytes("more c")], CancellationToken.None);

        var page = await store.GetAsync(new ThreadRef("reddit", "t1"), CancellationToken.None);
        Assert.Equal("page v2", Encoding.UTF8.GetString(page!.Body));
        Assert.Equal(["more c"], page.Parts.Select(p => Encoding.UTF8.GetString(p)));
        Assert.Equal(2, Directory.GetFiles(blobDir.Path, "*", SearchOption.AllDirectories).Length);
        Assert.True(await store.IsStoredAsync(new ThreadRef("reddit", "t1"), Bytes("page v2"), [], CancellationToken.None));
        Assert.False(await store.IsStoredAsync(new ThreadRef("reddit", "t1"), Bytes("page v1"), [], CancellationToken.None));
    }

    [Fact]
    public async Task NeedsParse_IsTrueUntilTheStoredVersionIsParsed_AndAgainForANewVersion()
    {
        using var catalog = await TestCatalog.CreateAsync();
        using var blobDir = new TempDir();
        var store = new RawPageStore(catalog.Db, new BlobStore(blobDir.Path), _time);

        await store.PutAsync(new ThreadRef("reddit", "t1"), Bytes("v1"), null, [], CancellationToken.None);
        var stored = await store.GetAsync(new ThreadRef("reddit", "t1"), CancellationToken.None);
        Assert.True(await store.NeedsParseAsync(new ThreadRef("reddit", "t1"), CancellationToken.None));
        await store.PutAsync(new ThreadRef("reddit", "t1"), Bytes("v2"), null, [], CancellationToken.None);
        await store.MarkParsedAsync(new ThreadRef("reddit", "t1"), stored!.Sha256, CancellationToken.None); // a parse of v1 finishing late
        Assert.True(await store.NeedsParseAsync(new ThreadRef("reddit", "t1"), CancellationToken.None));
        await store.MarkParsedAsync(new ThreadRef("reddit", "t1"), (await store.GetAsync(new ThreadRef("reddit", "t1"), CancellationToken.None))!.Sha256, CancellationToken.None);
        Assert.False(await store.NeedsParseAsync(new ThreadRef("reddit", "t1"), CancellationToken.None));
    }

    [Fact]
    public async Task Purge_RemovesPageAndParts_ButKeepsBytesAnotherThreadStillUses()
    {
        using var catalog = await TestCatalog.CreateAsync();
        using var blobDir = new TempDir();
        var blobs = new BlobStore(blobDir.Path);
        var store = new RawPageStore(catalog.Db, blobs, _time);
        await store.PutAsync(new ThreadRef("reddit", "t1"), Bytes("same answer"), null, [Bytes("part of t1")], CancellationToken.None);
        await store.PutAsync(new ThreadRef("reddit", "t2"), Bytes("same answer"), null, [], CancellationToken.None);

        Assert.True(await store.PurgeAsync(new ThreadRef("reddit", "t1"), CancellationToken.None));

        Assert.Null(await store.GetAsync(new ThreadRef("reddit", "t1"), CancellationToken.None));
        Assert.Equal("same answer", Encoding.UTF8.GetString((await store.GetAsync(new ThreadRef("reddit", "t2"), CancellationToken.None))!.Body));
        Assert.Single(Directory.GetFiles(blobDir.Path, "*", SearchOption.AllDirectories));
        Assert.False(await store.PurgeAsync(new ThreadRef("reddit", "t1"), CancellationToken.None));
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
