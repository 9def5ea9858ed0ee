using System.Runtime.InteropServices;

namespace Crawler.Dedup.Onnx;

/// <summary>
/// Builds an ONNX model from code: inputs, constant initialisers and nodes, written as a ModelProto with
/// the field numbers of onnx.proto. Node outputs get generated names, so a graph reads like the maths.
/// </summary>
internal sealed class OnnxGraph(string name)
{
    private const long IrVersion = 8;

    private readonly List<Action<ProtoWriter>> _nodes = [];
    private readonly List<Action<ProtoWriter>> _initializers = [];
    private readonly List<Action<ProtoWriter>> _inputs = [];
    private readonly List<Action<ProtoWriter>> _outputs = [];

    /// <summary>A tensor input; a dimension is a number, or a name for one left free (the batch).</summary>
    public string Input(string input, OnnxElementType type, params object[] dims)
    {
        _inputs.Add(w => ValueInfo(w, input, type, dims));
        return input;
    }

    public void Output(string output, OnnxElementType type, params object[] dims) => _outputs.Add(w => ValueInfo(w, output, type, dims));

    public string Constant(string constant, float[] values, params long[] dims) =>
        AddInitializer(constant, OnnxElementType.Float, MemoryMarshal.AsBytes(values.AsSpan()).ToArray(), dims);

    public string Constant(string constant, long[] values, params long[] dims) =>
        AddInitializer(constant, OnnxElementType.Int64, MemoryMarshal.AsBytes(values.AsSpan()).ToArray(), dims);

    /// <summary>Adds a node with one output and returns that output's name (or <paramref name="output"/> when given).</summary>
    public string Node(string op, string[] inputs, OnnxAttribute[]? attributes = null, string? output = null)
    {
        var result = output ?? $"{op.ToLowerInvariant()}_{_nodes.Count}";
        var nodeName = $"n{_nodes.Count}_{op}";
        _nodes.Add(w =>
        {
            foreach (var input in inputs)
            {
                w.String(1, input);
            }
            w.String(2, result).String(3, nodeName).String(4, op);
            foreach (var attribute in attributes ?? [])
            {
                w.Message(5, attribute.WriteTo);
            }
        });
        return result;
    }

    public byte[] ToModel(OnnxModelInfo info)
    {
        var w = new ProtoWriter()
            .Int64(1, IrVersion)
            .String(2, info.Producer)
            .String(3, info.ProducerVersion)
            .Int64(5, info.ModelVersion)
            .String(6, info.Description)
            .Message(7, WriteGraph)
            .Message(8, opset => opset.String(1, "").Int64(2, info.Opset));
        foreach (var (key, value) in info.Metadata)
        {
            w.Message(14, entry => entry.String(1, key).String(2, value));
        }
        return w.ToArray();
    }

    private void WriteGraph(ProtoWriter w)
    {
        foreach (var node in _nodes)
        {
            w.Message(1, node);
        }
        w.String(2, name);
        foreach (var initializer in _initializers)
        {
            w.Message(5, initializer);
        }
        foreach (var input in _inputs)
        {
            w.Message(11, input);
        }
        foreach (var output in _outputs)
        {
            w.Message(12, output);
        }
    }

    private string AddInitializer(string constant, OnnxElementType elementType, byte[] raw, long[] dims)
    {
        _initializers.Add(w => w.PackedInt64(1, dims).Int64(2, (long)elementType).String(8, constant).Bytes(9, raw));
        return constant;
    }

    private static void ValueInfo(ProtoWriter w, string valueName, OnnxElementType elementType, object[] dims) =>
        w.String(1, valueName).Message(2, type => type.Message(1, tensor => tensor
            .Int64(1, (long)elementType)
            .Message(2, shape =>
            {
                foreach (var dim in dims)
                {
                    shape.Message(1, d => _ = dim is string param ? d.String(2, param) : d.Int64(1, Convert.ToInt64(dim, System.Globalization.CultureInfo.InvariantCulture)));
                }
            })));
}

/// <summary>Tensor element types, numbered as TensorProto.DataType in onnx.proto.</summary>
internal enum OnnxElementType
{
    Float = 1,
    Int64 = 7,
    Float16 = 10,
}

/// <summary>What a model says about itself: who made it, its version, its operator set and free-form metadata.</summary>
internal sealed record OnnxModelInfo(string Producer, string ProducerVersion, long ModelVersion, long Opset, string Description, IReadOnlyDictionary<string, string> Metadata);
