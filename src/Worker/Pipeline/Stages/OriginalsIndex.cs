using Crawler.Dedup.Clustering;
using Crawler.Worker.Catalog.Stores;

namespace Crawler.Worker.Pipeline.Stages;

/// <summary>
/// The request originals already clustered, in memory for nearest-neighbour search; loaded from the
/// catalog on first use, then kept in step as originals join clusters.
/// </summary>
public sealed class OriginalsIndex(ClusterStore clusters) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private NearDuplicateIndex<string>? _index;
    private string? _model;
    private readonly Dictionary<string, string> _clusterOf = new(StringComparer.Ordinal);

    /// <summary>The cluster of <paramref name="sha256"/>: its own, the nearest original's, or a new one named after it.</summary>
    public async Task<(string Cluster, double Similarity)> AssignAsync(string sha256, float[] vector, string model, double threshold, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var index = await LoadAsync(model, ct);
            if (_clusterOf.TryGetValue(sha256, out var known))
            {
                return (known, 1.0);
            }
            var nearest = index.Nearest(vector, (float)threshold);
            var (cluster, similarity) = nearest is { } n ? (_clusterOf[n.Key], (double)n.Similarity) : (sha256, 1.0);
            cluster = await clusters.AssignAsync(sha256, model, cluster, similarity, ct);
            index.Add(sha256, vector);
            _clusterOf[sha256] = cluster;
            return (cluster, similarity);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<NearDuplicateIndex<string>> LoadAsync(string model, CancellationToken ct)
    {
        if (_index is not null && _model == model)
        {
            return _index;
        }
        _index = new NearDuplicateIndex<string>();
        _clusterOf.Clear();
        foreach (var (sha, cluster, vector) in await clusters.MembersAsync(model, ct))
        {
            _index.Add(sha, EmbeddingStore.FromBytes(vector));
            _clusterOf[sha] = cluster;
        }
        _model = model;
        return _index;
    }

    public void Dispose() => _gate.Dispose();
}
