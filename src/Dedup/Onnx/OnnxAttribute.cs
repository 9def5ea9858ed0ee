namespace Crawler.Dedup.Onnx;

/// <summary>A node attribute: an int, a float or a list of ints (all the built-in model needs).</summary>
internal sealed record OnnxAttribute(string Name, long? Int = null, float? Float = null, long[]? Ints = null)
{
    // AttributeProto.AttributeType values from onnx.proto.
    private const int FloatType = 1;
    private const int IntType = 2;
    private const int IntsType = 7;

    public static OnnxAttribute Of(string name, long value) => new(name, Int: value);

    public static OnnxAttribute Of(string name, float value) => new(name, Float: value);

    public static OnnxAttribute Of(string name, params long[] values) => new(name, Ints: values);

    public void WriteTo(ProtoWriter w)
    {
        w.String(1, Name);
        if (Int is { } i)
        {
            w.Int64(3, i).Int64(20, IntType);
        }
        else if (Float is { } f)
        {
            w.Float(2, f).Int64(20, FloatType);
        }
        else
        {
            w.PackedInt64(8, Ints ?? []).Int64(20, IntsType);
        }
    }
}
