using System.Globalization;

namespace Crawler.TestSupport.Wayback;

/// <summary>Archive timestamps: up to 14 digits of yyyyMMddHHmmss, a short one padded as the archive does.</summary>
public static class WaybackTime
{
    /// <summary>What a short timestamp is padded with: the rest of 1996-01-01 00:00:00, the archive's first year.</summary>
    private const string Padding = "19960101000000";

    /// <exception cref="FormatException">Not 1 to 14 digits naming a real instant once padded.</exception>
    public static DateTime Parse(string timestamp) =>
        timestamp.Length is > 0 and <= 14 && timestamp.All(char.IsAsciiDigit)
            ? DateTime.ParseExact(timestamp + Padding[timestamp.Length..], "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)
            : throw new FormatException($"'{timestamp}' is not an archive timestamp");

    /// <summary>Pads a <c>from</c> (earliest) or <c>to</c> (latest) bound to 14 digits for comparing with timestamps.</summary>
    public static string Bound(string timestamp, bool upper) => timestamp.PadRight(14, upper ? '9' : '0');
}
