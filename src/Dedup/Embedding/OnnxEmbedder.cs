using System.Collections.Concurrent;
using Crawler.Dedup.Imaging;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Crawler.Dedup.Embedding;

/// <summary>
/// Embeds images with an ONNX model through one long-lived session (its <c>Run</c> is thread-safe). Each
/// batch is decoded in parallel straight into a reused <see cref="InputStaging"/> buffer of the model's
/// element type (fp32 or fp16; pinned on a GPU), which the session reads without a copy; the outputs are
/// L2-normalised.
/// </summary>
public sealed class OnnxEmbedder : IImageEmbedder, IDisposable
{
    /// <summary>Batches decoding ahead of the one the model runs.</summary>
    private const int Lookahead = 2;

    private readonly EmbeddingSession _session;
    private readonly ImagePreprocessor _preprocessor;
    private readonly EmbedderSettings _settings;
    // Two per concurrent caller are in use at once (one decoding, one running); they are kept for the next call.
    private readonly ConcurrentBag<InputStaging> _staging = [];

    /// <summary>Takes ownership of <paramref name="session"/>.</summary>
    public OnnxEmbedder(EmbeddingSession session, EmbedderSettings settings)
    {
        _session = session;
        _settings = settings;
        var model = session.Model;
        _preprocessor = new ImagePreprocessor(model.InputSize, model.Mean, model.Std);
    }

    public string ModelId => _session.Model.Id;

    public int Dimensions => _session.Dimensions;

    /// <summary>Where the model runs, for logs: "CPU" or the GPU provider.</summary>
    public string Provider => _session.Provider;

    /// <remarks>
    /// With several batches and decode threads, the next <see cref="Lookahead"/> batches decode while the
    /// model runs the current one: the slow last images of one batch then share the cores with the next
    /// batch instead of leaving them idle.
    /// </remarks>
    public IReadOnlyList<float[]> Embed(IReadOnlyList<byte[]> images)
    {
        var vectors = new List<float[]>(images.Count);
        if (_settings.DecodeThreads <= 1)
        {
            // One decode thread means one thread: each batch decodes, then runs.
            for (var start = 0; start < images.Count; start += _settings.BatchSize)
            {
                RunAndReturn(DecodeBatch(images, start), vectors);
            }
            return vectors;
        }
        var pending = new Queue<Task<DecodedBatch>>();
        var next = 0;
        void Prefetch()
        {
            for (; pending.Count < Lookahead && next < images.Count; next += _settings.BatchSize)
            {
                var start = next;
                pending.Enqueue(Task.Run(() => DecodeBatch(images, start)));
            }
        }
        try
        {
            Prefetch();
            while (pending.Count > 0)
            {
                var current = pending.Dequeue().GetAwaiter().GetResult();
                Prefetch();
                RunAndReturn(current, vectors);
            }
        }
        finally
        {
            // A failed batch leaves later ones decoding: their buffers come back when they are done.
            foreach (var left in pending)
            {
                left.ContinueWith(t => _staging.Add(t.Result.Input), TaskContinuationOptions.OnlyOnRanToCompletion);
            }
        }
        return vectors;
    }

    private void RunAndReturn(DecodedBatch batch, List<float[]> vectors)
    {
        try
        {
            vectors.AddRange(_session.Run(batch.Input, batch.Count));
        }
        finally
        {
            _staging.Add(batch.Input);
        }
    }

    private DecodedBatch DecodeBatch(IReadOnlyList<byte[]> images, int start)
    {
        var count = Math.Min(_settings.BatchSize, images.Count - start);
        var input = _staging.TryTake(out var kept) ? kept : _session.CreateStaging(_settings.BatchSize);
        try
        {
            if (input.ElementType == TensorElementType.Float16)
            {
                Decode(images, start, count, input, static s => s.Halves);
            }
            else
            {
                Decode(images, start, count, input, static s => s.Floats);
            }
            return new DecodedBatch(input, count);
        }
        catch
        {
            _staging.Add(input);
            throw;
        }
    }

    private void Decode<T>(IReadOnlyList<byte[]> images, int start, int count, InputStaging input, SpanOf<T> values)
        where T : struct, System.Numerics.IBinaryFloatingPointIeee754<T>
    {
        var size = _preprocessor.Length;
        if (_settings.DecodeThreads <= 1 || count == 1)
        {
            for (var i = 0; i < count; i++)
            {
                _preprocessor.Write(images[start + i], values(input).Slice(i * size, size), start + i);
            }
            return;
        }
        try
        {
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = _settings.DecodeThreads },
                i => _preprocessor.Write(images[start + i], values(input).Slice(i * size, size), start + i));
        }
        catch (AggregateException e) when (e.InnerExceptions.OfType<ImageRejectedException>().FirstOrDefault() is { } rejected)
        {
            // The first bad image names itself; the caller embeds the batch one by one to find all of them.
            throw new ImageRejectedException(rejected.Message, rejected);
        }
    }

    public void Dispose()
    {
        // Pinned buffers belong to the session's allocator: they go first.
        while (_staging.TryTake(out var input))
        {
            input.Dispose();
        }
        _session.Dispose();
    }

    private delegate Span<T> SpanOf<T>(InputStaging input);
}

/// <summary>A staging buffer holding <paramref name="Count"/> decoded images.</summary>
internal sealed record DecodedBatch(InputStaging Input, int Count);

/// <summary>How many images go to the model at once, and how many threads decode them.</summary>
public sealed record EmbedderSettings(int BatchSize = 32, int DecodeThreads = 1);
