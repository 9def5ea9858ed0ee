using Crawler.Dedup.Embedding;
using NetVips;

namespace Crawler.Bench.Dedup;

/// <summary>
/// Vectors for index benchmarks shaped like the built-in model's embeddings of real pictures: random crops of
/// the real photos are embedded, a Gaussian with their mean and covariance is fitted, and any number of
/// vectors is drawn from it and normalised. A million real pictures cannot be embedded in a benchmark; their
/// first two moments can be matched, and the benchmark prints how close the drawn similarities come.
/// </summary>
internal sealed class EmbeddingPopulation
{
    private readonly float[] _mean;
    private readonly double[,] _cholesky;

    private EmbeddingPopulation(float[] mean, double[,] cholesky, List<float[]> real) =>
        (_mean, _cholesky, Real) = (mean, cholesky, real);

    /// <summary>The embeddings of the real crops the Gaussian was fitted to.</summary>
    public List<float[]> Real { get; }

    public int Dimensions => _mean.Length;

    public static EmbeddingPopulation FromCrops(IReadOnlyList<byte[]> photos, int crops, int seed)
    {
        var random = new Random(seed);
        var images = Enumerable.Range(0, crops).Select(_ => Crop(photos[random.Next(photos.Count)], random)).ToList();
        using var embedder = new OnnxEmbedder(EmbeddingSessionFactory.Create(PerceptualModel.Create(), ProviderRequest.CpuOnly()), new EmbedderSettings());
        var vectors = embedder.Embed(images);
        var dims = vectors[0].Length;
        var mean = Enumerable.Range(0, dims).Select(d => vectors.Average(v => v[d])).ToArray();
        var covariance = new double[dims, dims];
        foreach (var v in vectors)
        {
            for (var i = 0; i < dims; i++)
            {
                for (var j = 0; j < dims; j++)
                {
                    covariance[i, j] += (v[i] - mean[i]) * (v[j] - mean[j]) / (vectors.Count - 1);
                }
            }
        }
        return new EmbeddingPopulation(mean, Cholesky(covariance), [.. vectors]);
    }

    /// <summary>A fresh unit vector from the fitted Gaussian.</summary>
    public float[] Draw(Random random)
    {
        var z = Enumerable.Range(0, Dimensions).Select(_ => Normal(random)).ToArray();
        var x = new float[Dimensions];
        for (var i = 0; i < Dimensions; i++)
        {
            var sum = (double)_mean[i];
            for (var j = 0; j <= i; j++)
            {
                sum += _cholesky[i, j] * z[j];
            }
            x[i] = (float)sum;
        }
        return VectorMath.Normalise(x);
    }

    /// <summary>A near-duplicate of <paramref name="vector"/>: similarity about 0.97, as a re-encoded repost.</summary>
    public static float[] Repost(float[] vector, Random random) =>
        VectorMath.Normalise([.. vector.Select(v => v + (float)(0.04 * Normal(random)))]);

    private static byte[] Crop(byte[] photo, Random random)
    {
        using var image = Image.NewFromBuffer(photo);
        using var flat = image.HasAlpha() ? image.Flatten() : image.Copy();
        var keep = 0.3 + (0.7 * random.NextDouble());
        var (w, h) = (Math.Max(8, (int)(flat.Width * keep)), Math.Max(8, (int)(flat.Height * keep)));
        using var crop = flat.ExtractArea(random.Next(flat.Width - w + 1), random.Next(flat.Height - h + 1), w, h);
        using var turned = random.Next(2) == 0 ? crop.FlipHor() : crop.Copy();
        return turned.JpegsaveBuffer(q: 85);
    }

    private static double[,] Cholesky(double[,] a)
    {
        var n = a.GetLength(0);
        var l = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = a[i, j] + (i == j ? 1e-6 : 0);
                for (var k = 0; k < j; k++)
                {
                    sum -= l[i, k] * l[j, k];
                }
                l[i, j] = i == j ? Math.Sqrt(Math.Max(sum, 1e-12)) : sum / l[j, j];
            }
        }
        return l;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
