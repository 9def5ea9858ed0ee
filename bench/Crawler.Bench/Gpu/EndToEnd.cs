using Crawler.Dedup.Embedding;
using Crawler.Dedup.Imaging;

namespace Crawler.Bench.Gpu;

/// <summary>
/// The dedup stage's own path on real photos: the built-in model, decoding on every core into the staging
/// buffers while the provider runs the previous batch; and decoding alone on as many cores, the bound.
/// </summary>
internal sealed class EndToEnd : IDisposable
{
    private readonly OnnxEmbedder _embedder;
    private readonly IReadOnlyList<byte[]> _images;
    private readonly ImagePreprocessor _preprocessor;
    private readonly int _threads;

    public EndToEnd(ProviderRequest request, int batch, IReadOnlyList<byte[]> photos)
    {
        // Many images decode at once, so each decode keeps to one libvips thread; and no result may come
        // from libvips' operation cache, since the service never decodes the same picture twice.
        NetVips.NetVips.Concurrency = 1;
        NetVips.Cache.Max = 0;
        _threads = Environment.ProcessorCount;
        var model = PerceptualModel.Create();
        _embedder = new OnnxEmbedder(EmbeddingSessionFactory.Create(model, request), new EmbedderSettings(batch, _threads));
        _preprocessor = new ImagePreprocessor(model.InputSize, model.Mean, model.Std);
        _images = [.. Enumerable.Range(0, batch * 8).Select(i => photos[i % photos.Count])];
        _embedder.Embed(_images);
    }

    public string Provider => _embedder.Provider;

    public double DecodeAndEmbed(double seconds) => Throughput.Measure(() => _embedder.Embed(_images), _images.Count, seconds);

    public double DecodeOnly(double seconds)
    {
        var length = _preprocessor.Length;
        return Throughput.Measure(() => Parallel.For(0, _images.Count, new ParallelOptions { MaxDegreeOfParallelism = _threads },
            () => new float[length],
            (i, _, scratch) =>
            {
                _preprocessor.Write<float>(_images[i], scratch, i);
                return scratch;
            },
            _ => { }), _images.Count, seconds);
    }

    public void Dispose() => _embedder.Dispose();
}
