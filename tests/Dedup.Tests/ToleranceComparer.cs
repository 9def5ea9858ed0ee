namespace Crawler.Dedup.Tests;

/// <summary>Floats equal within an absolute tolerance, for vectors that went through fp16 or another summation order.</summary>
internal sealed class ToleranceComparer(float tolerance) : IEqualityComparer<float>
{
    public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;

    public int GetHashCode(float obj) => 0;
}
