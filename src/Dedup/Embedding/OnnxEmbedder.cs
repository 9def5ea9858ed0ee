using System.Buffers;
using Crawler.Dedup.Imaging;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Crawler.Dedup.Embedding;

/// <summary>
/// Embeds images with an ONNX model through one long-lived session (its <c>Run</c> is thread-safe). Each
/// batch is decoded in parallel into one pooled buffer of the model's input element type (fp32 or fp16),
/// wrapped in an <see cref="OrtValue"/> without copying; the outputs are L2-normalised.
/// </summary>
public sealed class OnnxEmbedder : IImageEmbedder, IDisposable
{
    private readonly EmbeddingSession _session;
    private readonly ImagePreprocessor _preprocessor;
    private readonly EmbedderSettings _settings;

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

    /// <remarks>With several batches and decode threads, the next batch is decoded while the model runs the current one.</remarks>
    public IReadOnlyList<float[]> Embed(IReadOnlyList<byte[]> images)
    {
        var vectors = new List<float[]>(images.Count);
        Task<DecodedBatch>? next = null;
        try
        {
            for (var start = 0; start < images.Count; start += _settings.BatchSize)
            {
                var current = next is null ? DecodeBatch(images, start) : next.GetAwaiter().GetResult();
                var following = start + _settings.BatchSize;
                // One decode thread means one thread: the next batch then waits for this one.
                next = following < images.Count && _settings.DecodeThreads > 1 ? Task.Run(() => DecodeBatch(images, following)) : null;
                try
                {
                    vectors.AddRange(Run(current));
                }
                finally
                {
                    ArrayPool<float>.Shared.Return(current.Pixels);
                }
            }
        }
        finally
        {
            // A failed run leaves the next batch decoding: its buffer goes back to the pool when it is done.
            next?.ContinueWith(t => ArrayPool<float>.Shared.Return(t.Result.Pixels), TaskContinuationOptions.OnlyOnRanToCompletion);
        }
        return vectors;
    }

    private DecodedBatch DecodeBatch(IReadOnlyList<byte[]> images, int start)
    {
        var count = Math.Min(_settings.BatchSize, images.Count - start);
        var pixels = ArrayPool<float>.Shared.Rent(count * _preprocessor.Length);
        try
        {
            Decode(images, start, count, pixels);
            return new DecodedBatch(pixels, count);
        }
        catch
        {
            ArrayPool<float>.Shared.Return(pixels);
            throw;
        }
    }

    private float[][] Run(DecodedBatch batch)
    {
        var length = batch.Count * _preprocessor.Length;
        long[] shape = [batch.Count, 3, _preprocessor.Side, _preprocessor.Side];
        return _session.InputType == TensorElementType.Float16
            ? RunHalf(batch.Pixels, length, shape)
            : _session.Run(batch.Pixels.AsMemory(0, length), shape);
    }

    private float[][] RunHalf(float[] pixels, int length, long[] shape)
    {
        var half = ArrayPool<Float16>.Shared.Rent(length);
        try
        {
            for (var i = 0; i < length; i++)
            {
                half[i] = (Float16)pixels[i];
            }
            return _session.Run(half.AsMemory(0, length), shape);
        }
        finally
        {
            ArrayPool<Float16>.Shared.Return(half);
        }
    }

    private void Decode(IReadOnlyList<byte[]> images, int start, int count, float[] pixels)
    {
        var size = _preprocessor.Length;
        if (_settings.DecodeThreads <= 1 || count == 1)
        {
            for (var i = 0; i < count; i++)
            {
                _preprocessor.Write(images[start + i], pixels.AsSpan(i * size, size), start + i);
            }
            return;
        }
        try
        {
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = _settings.DecodeThreads },
                i => _preprocessor.Write(images[start + i], pixels.AsSpan(i * size, size), start + i));
        }
        catch (AggregateException e) when (e.InnerExceptions.OfType<ImageRejectedException>().FirstOrDefault() is { } rejected)
        {
            // The first bad image names itself; the caller embeds the batch one by one to find all of them.
            throw new ImageRejectedException(rejected.Message, rejected);
        }
    }

    public void Dispose() => _session.Dispose();
}

/// <summary>A pooled buffer holding <paramref name="Count"/> decoded images.</summary>
internal sealed record DecodedBatch(float[] Pixels, int Count);

/// <summary>How many images go to the model at once, and how many threads decode them.</summary>
public sealed record EmbedderSettings(int BatchSize = 32, int DecodeThreads = 1);
