using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Crawler.Dedup.Embedding;

/// <summary>
/// One long-lived ONNX Runtime session for an embedding model: its input and output resolved once, each
/// run fed an <see cref="OrtValue"/> over an <see cref="InputStaging"/> buffer the caller filled. On a GPU
/// the run goes through an I/O binding, so ONNX Runtime copies the batch from pinned memory to the device
/// once and the vectors back once.
/// </summary>
public sealed class EmbeddingSession : IDisposable
{
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly string _input;
    private readonly string _output;
    private readonly bool _bind;
    private readonly int _deviceId;

    internal EmbeddingSession(EmbeddingModel model, InferenceSession session, string provider, int deviceId = 0)
    {
        Model = model;
        Provider = provider;
        _session = session;
        _bind = provider != ExecutionProviders.Cpu;
        _deviceId = deviceId;
        _input = model.InputName ?? session.InputNames[0];
        _output = model.OutputName ?? session.OutputNames[0];
        if (!session.InputMetadata.TryGetValue(_input, out var input))
        {
            throw new ArgumentException($"model {model.Id} has no input named '{_input}' (it has: {string.Join(", ", session.InputNames)})");
        }
        if (!session.OutputMetadata.TryGetValue(_output, out var output))
        {
            throw new ArgumentException($"model {model.Id} has no output named '{_output}' (it has: {string.Join(", ", session.OutputNames)})");
        }
        InputType = input.ElementDataType;
        OutputType = output.ElementDataType;
        if (InputType is not (TensorElementType.Float or TensorElementType.Float16) || OutputType is not (TensorElementType.Float or TensorElementType.Float16))
        {
            throw new ArgumentException($"model {model.Id} takes {InputType} and gives {OutputType}; only fp32 and fp16 are supported");
        }
        Dimensions = output.Dimensions.Skip(1).Aggregate(1, (a, b) => a * Math.Max(b, 1));
    }

    public EmbeddingModel Model { get; }

    public string Provider { get; }

    public TensorElementType InputType { get; }

    public TensorElementType OutputType { get; }

    /// <summary>Values per vector as the model declares them (a dynamic dimension counts as 1 until a run says otherwise).</summary>
    public int Dimensions { get; private set; }

    /// <summary>What the model reads one image as: three planes of its input side squared.</summary>
    public int ValuesPerImage => 3 * Model.InputSize * Model.InputSize;

    /// <summary>
    /// Room for <paramref name="images"/> images of input in the memory this provider reads fastest
    /// (pinned on CUDA); the caller disposes it before the session.
    /// </summary>
    public InputStaging CreateStaging(int images) =>
        InputStaging.Create(_session, _bind, _deviceId, InputType, checked(images * ValuesPerImage));

    /// <summary>Runs the first <paramref name="images"/> images held by <paramref name="staging"/>; one L2-normalised vector per image.</summary>
    public float[][] Run(InputStaging staging, int images)
    {
        if (staging.ElementType != InputType || images * ValuesPerImage > staging.Length)
        {
            throw new ArgumentException($"the input holds {staging.Length} {staging.ElementType} values; {images} images of model {Model.Id} need {images * ValuesPerImage} {InputType}");
        }
        long[] shape = [images, 3, Model.InputSize, Model.InputSize];
        using var input = OrtValue.CreateTensorValueWithData(staging.Info, InputType, shape, staging.Pointer, (long)images * ValuesPerImage * staging.ElementSize);
        if (!_bind)
        {
            using var outputs = _session.Run(_runOptions, [_input], [input], [_output]);
            return Vectors(outputs[0], images);
        }
        using var binding = _session.CreateIoBinding();
        binding.BindInput(_input, input);
        binding.BindOutputToDevice(_output, OrtMemoryInfo.DefaultInstance);
        _session.RunWithBinding(_runOptions, binding);
        using var bound = binding.GetOutputValues();
        return Vectors(bound[0], images);
    }

    private float[][] Vectors(OrtValue output, int count)
    {
        var values = OutputType == TensorElementType.Float16
            ? Widened(MemoryMarshal.Cast<Float16, Half>(output.GetTensorDataAsSpan<Float16>()))
            : output.GetTensorDataAsSpan<float>();
        var dimensions = values.Length / count;
        Dimensions = dimensions;
        var vectors = new float[count][];
        for (var i = 0; i < count; i++)
        {
            vectors[i] = VectorMath.Normalise(values.Slice(i * dimensions, dimensions));
        }
        return vectors;
    }

    private static ReadOnlySpan<float> Widened(ReadOnlySpan<Half> values)
    {
        var widened = new float[values.Length];
        TensorPrimitives.ConvertToSingle(values, widened);
        return widened;
    }

    public void Dispose()
    {
        _runOptions.Dispose();
        _session.Dispose();
    }
}
