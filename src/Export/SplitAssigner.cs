using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Crawler.Export;

/// <summary>
/// Chooses train or test by a hash of the dedup cluster, so near-duplicates never straddle the split and
/// a row keeps its split from one snapshot to the next.
/// </summary>
public static class SplitAssigner
{
    public const string Train = "train";
    public const string Test = "test";

    public static string Assign(string dedupCluster, double testShare)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(dedupCluster));
        var unit = BinaryPrimitives.ReadUInt64BigEndian(hash) / (double)ulong.MaxValue;
        return unit < testShare ? Test : Train;
    }
}
