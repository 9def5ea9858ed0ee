using Crawler.Worker.Catalog.Work;
using Crawler.TestSupport.Fetching;
using Crawler.TestSupport;
using Crawler.Worker.Blobs;
using Crawler.Worker.Catalog;
using Crawler.Worker.Catalog.Stores;
using Crawler.Worker.Images;
using Crawler.Worker.Pipeline;
using Crawler.Worker.Pipeline.Stages;
using Dapper;
using Microsoft.Extensions.DependencyInjection;

namespace Crawler.Worker.Tests.Pipeline.Stages;

/// <summary>
/// The fetch-image stage as the service builds it, over a real catalog and blob store, with every image
/// host of the test (i.imgur.com, the imgur API, preview.redd.it, a forum) served by one loopback server.
/// </summary>
internal sealed class ImageStageRig : IAsyncDisposable
{
    public static readonly string[] Hosts = ["images.test", "i.imgur.com", "api.imgur.com", "preview.redd.it", "forum.test"];

    private readonly TestCatalog _catalog;
    private readonly FetcherRig _rig;

    private ImageStageRig(TestCatalog catalog, LoopbackServer server, string? imgurClientId, Action<ImagesOptions>? quality, Action<Crawler.Fetching.FetchOptions>? fetch)
    {
        _catalog = catalog;
        Server = server;
        _rig = new FetcherRig(
            fetch: f =>
            {
                f.HostOverrides = Hosts.ToDictionary(h => h, _ => $"127.0.0.1:{server.Port}");
                f.MaxRetries = 1;
                fetch?.Invoke(f);
            },
            more: services =>
            {
                services.AddSingleton<ICatalogDb>(catalog.Db);
                services.AddSingleton(new BlobStore(catalog.DataDir + "/blobs"));
                services.AddSingleton<ImageStore>();
                services.AddSingleton<WorkQueue>();
                services.AddSingleton<PairStore>();
                services.AddSingleton<DedupWakeups>();
                services.Configure<ImagesOptions>(o =>
                {
                    o.MinShortSide = 256;
                    quality?.Invoke(o);
                });
                services.Configure<ImageHostsOptions>(o => o.ImgurApiBase = "http://api.imgur.com/3/");
                services.AddImageAcquisition();
                services.AddSingleton(new ImgurCredentials(imgurClientId));
                services.AddSingleton<FetchImageStage>();
            });
    }

    public LoopbackServer Server { get; }

    public ImageStore Images => _rig.Get<ImageStore>();

    public BlobStore Blobs => _rig.Get<BlobStore>();

    public WorkQueue Queue => _rig.Get<WorkQueue>();

    public FetchImageStage Stage => _rig.Get<FetchImageStage>();

    public static async Task<ImageStageRig> StartAsync(
        Action<Microsoft.AspNetCore.Routing.IEndpointRouteBuilder> routes,
        string? imgurClientId = "test-client",
        Action<ImagesOptions>? quality = null,
        Action<Crawler.Fetching.FetchOptions>? fetch = null)
    {
        var catalog = await TestCatalog.CreateAsync();
        var server = await LoopbackServer.StartAsync(routes);
        return new ImageStageRig(catalog, server, imgurClientId, quality, fetch);
    }

    /// <summary>Runs the stage on one URL, as the stage runner would hand it over.</summary>
    public async Task<StageOutcome> HandleAsync(string url)
    {
        var item = new WorkItem { Stage = StageNames.FetchImage, ItemKey = url, SortKey = url };
        var outcomes = await _rig.Get<FetchImageStage>().HandleAsync([item], TestContext.Current.CancellationToken);
        return outcomes.Single();
    }

    public async Task<ImageUrlRow> RowAsync(string url) =>
        await Images.GetUrlAsync(url, TestContext.Current.CancellationToken) ?? throw new InvalidOperationException($"no row for {url}");

    public async Task<int> CountAsync(string sql)
    {
        await using var connection = await _catalog.Db.OpenAsync(TestContext.Current.CancellationToken);
        return await connection.ExecuteScalarAsync<int>(sql);
    }

    public async ValueTask DisposeAsync()
    {
        _rig.Dispose();
        await Server.DisposeAsync();
        _catalog.Dispose();
    }
}
