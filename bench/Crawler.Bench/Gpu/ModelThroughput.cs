using Crawler.Dedup.Embedding;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Crawler.Bench.Gpu;

/// <summary>
/// One model on one provider configuration, held ready: a session and a staging buffer filled once with
/// random pixels. A measurement runs the batch over and over, one run at a time as the embedder does: the
/// copies to and from the device are included, decoding is not (torch's side is measured the same way).
/// </summary>
internal sealed class ModelThroughput : IDisposable
{
    private readonly EmbeddingSession _session;
    private readonly InputStaging _input;
    private readonly int _batch;

    public ModelThroughput(EmbeddingModel model, ProviderRequest request, int batch)
    {
        _session = EmbeddingSessionFactory.Create(model, request);
        _batch = batch;
        _input = _session.CreateStaging(batch);
        Fill(_input, new Random(1));
        // The first runs pick convolution algorithms and grow the memory arena; they are not measured.
        for (var i = 0; i < 5; i++)
        {
            Run();
        }
    }

    /// <summary>Where the input is read from, for the report.</summary>
    public string InputMemory => _input.Memory;

    public double Measure(double seconds) => Throughput.Measure(Run, _batch, seconds);

    private void Run() => _session.Run(_input, _batch);

    private static void Fill(InputStaging input, Random random)
    {
        if (input.ElementType == TensorElementType.Float16)
        {
            var values = input.Halves;
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = (Half)random.NextSingle();
            }
            return;
        }
        var floats = input.Floats;
        for (var i = 0; i < floats.Length; i++)
        {
            floats[i] = random.NextSingle();
        }
    }

    public void Dispose()
    {
        _input.Dispose();
        _session.Dispose();
    }
}
