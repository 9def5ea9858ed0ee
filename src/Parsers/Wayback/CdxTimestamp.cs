using System.Globalization;

namespace Crawler.Parsers.Wayback;

/// <summary>The archive's capture time, 14 digits of UTC <c>yyyyMMddHHmmss</c>.</summary>
internal static class CdxTimestamp
{
    private const string Format = "yyyyMMddHHmmss";

    /// <summary>Whether <paramref name="text"/> is a full capture time that names a real instant.</summary>
    public static bool IsValid(string text) =>
        text.Length == Format.Length && text.All(char.IsAsciiDigit) &&
        DateTime.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out _);

    /// <exception cref="FormatException">Not 14 digits naming a real instant.</exception>
    public static long ToUnixSeconds(string text) =>
        IsValid(text)
            ? new DateTimeOffset(DateTime.ParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), TimeSpan.Zero).ToUnixTimeSeconds()
            : throw new FormatException($"'{text}' is not a 14-digit archive timestamp");

    /// <summary>Whether <paramref name="text"/> can stand in a replay URL: 1 to 14 digits (the archive pads a short one).</summary>
    public static bool IsPrefix(string text) => text.Length is > 0 and <= 14 && text.All(char.IsAsciiDigit);
}
