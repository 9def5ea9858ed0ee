using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Crawler.Dedup.Embedding;

/// <summary>
/// Host memory that holds one batch of a model's input, written in place by the decoders and handed to
/// ONNX Runtime without a copy. On CUDA it is page-locked memory from the session's pinned allocator, which
/// the GPU reads by DMA; from ordinary pageable memory the driver first copies every batch through a
/// bounce buffer of its own. Where no pinned allocator can be had (the CPU, or a provider that offers none)
/// it is plain native memory and <see cref="Memory"/> says why.
/// </summary>
public sealed unsafe class InputStaging : IDisposable
{
    private readonly OrtAllocator? _allocator;
    private readonly OrtMemoryAllocation? _pinned;
    private void* _native;

    private InputStaging(TensorElementType elementType, int length, string memory, OrtAllocator? allocator = null, OrtMemoryAllocation? pinned = null)
    {
        ElementType = elementType;
        Length = length;
        Memory = memory;
        _allocator = allocator;
        _pinned = pinned;
        if (pinned is null)
        {
            _native = NativeMemory.AlignedAlloc((nuint)(length * (long)ElementSize), 64);
        }
    }

    /// <summary><see cref="TensorElementType.Float"/> or <see cref="TensorElementType.Float16"/>.</summary>
    public TensorElementType ElementType { get; }

    /// <summary>Values it holds.</summary>
    public int Length { get; }

    /// <summary>What kind of memory it is, for logs and benchmarks.</summary>
    public string Memory { get; }

    internal OrtMemoryInfo Info => _pinned?.Info ?? OrtMemoryInfo.DefaultInstance;

    // The allocation is a SafeHandle over the pinned block; it lives as long as this object.
    internal IntPtr Pointer => _pinned?.DangerousGetHandle() ?? (IntPtr)_native;

    internal int ElementSize => ElementType == TensorElementType.Float16 ? 2 : 4;

    /// <summary>The values of an fp32 input.</summary>
    public Span<float> Floats => ElementType == TensorElementType.Float
        ? new Span<float>((void*)Pointer, Length)
        : throw new InvalidOperationException($"this input holds {ElementType}, not Float");

    /// <summary>The values of an fp16 input (IEEE binary16, the bits ONNX Runtime's Float16 holds).</summary>
    public Span<Half> Halves => ElementType == TensorElementType.Float16
        ? new Span<Half>((void*)Pointer, Length)
        : throw new InvalidOperationException($"this input holds {ElementType}, not Float16");

    /// <summary>Pinned memory from <paramref name="session"/>'s CUDA allocator, or native memory with the reason when there is none.</summary>
    internal static InputStaging Create(InferenceSession session, bool onCuda, int deviceId, TensorElementType elementType, int length)
    {
        if (!onCuda)
        {
            return new InputStaging(elementType, length, "host memory");
        }
        var bytes = (long)length * (elementType == TensorElementType.Float16 ? 2 : 4);
        if (bytes > uint.MaxValue)
        {
            return new InputStaging(elementType, length, $"pageable host memory ({bytes} bytes is more than ONNX Runtime allocates at once)");
        }
        OrtAllocator? allocator = null;
        try
        {
            using var info = new OrtMemoryInfo(OrtMemoryInfo.allocatorCUDA_PINNED, OrtAllocatorType.DeviceAllocator, deviceId, OrtMemType.CpuOutput);
            allocator = new OrtAllocator(session, info);
            return new InputStaging(elementType, length, "CUDA pinned host memory", allocator, allocator.Allocate((uint)bytes));
        }
        catch (OnnxRuntimeException e)
        {
            allocator?.Dispose();
            return new InputStaging(elementType, length, $"pageable host memory (no pinned allocator: {e.Message.Split('\n')[0]})");
        }
    }

    public void Dispose()
    {
        _pinned?.Dispose();
        _allocator?.Dispose();
        if (_native is not null)
        {
            NativeMemory.AlignedFree(_native);
            _native = null;
        }
    }
}
