namespace Crawler.Dedup.Embedding;

/// <summary>Small vector helpers shared by embedders and indexes.</summary>
public static class VectorMath
{
    /// <summary>Dot product; for L2-normalised vectors, the cosine similarity.</summary>
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => System.Numerics.Tensors.TensorPrimitives.Dot(a, b);

    /// <summary>Subtracts the mean and scales to unit length; a flat vector stays all zeros.</summary>
    public static float[] CentreAndNormalise(float[] values)
    {
        var mean = values.Average();
        for (var i = 0; i < values.Length; i++)
        {
            values[i] -= mean;
        }
        var norm = MathF.Sqrt(Dot(values, values));
        if (norm > 1e-6f)
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] /= norm;
            }
        }
        return values;
    }

    /// <summary>A copy scaled to unit length; an all-zero vector stays all zeros.</summary>
    public static float[] Normalise(ReadOnlySpan<float> values)
    {
        var copy = values.ToArray();
        var norm = System.Numerics.Tensors.TensorPrimitives.Norm(copy);
        if (norm > 1e-12f)
        {
            System.Numerics.Tensors.TensorPrimitives.Divide(copy, norm, copy);
        }
        return copy;
    }
}
