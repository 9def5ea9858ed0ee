using System.Globalization;

namespace Crawler.Worker.Catalog.Work;

/// <summary>Sort keys that make claim order follow post time, so the earliest thread of a repost cluster is judged first.</summary>
public static class SortKeys
{
    public static string ByTime(long unixSeconds, string tieBreak) =>
        unixSeconds.ToString("D12", CultureInfo.InvariantCulture) + ":" + tieBreak;

    public static string ByTimeAndRank(long unixSeconds, int rank, string tieBreak) =>
        ByTime(unixSeconds, rank.ToString("D6", CultureInfo.InvariantCulture) + ":" + tieBreak);

    /// <summary>The post time a <see cref="ByTime(long, string)"/> key starts with; null for keys not made by time.</summary>
    public static long? TimeOf(string sortKey) =>
        sortKey.Length > 12 && sortKey[12] == ':' && long.TryParse(sortKey.AsSpan(0, 12), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? seconds
            : null;
}
