using System.Security.Cryptography;

namespace Crawler.Core.Text;

/// <summary>Lower-case hex SHA-256, the identity of every blob and image.</summary>
public static class Sha256Hex
{
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static string Of(string text) => Of(System.Text.Encoding.UTF8.GetBytes(text));

    public static bool IsValid(string value) =>
        value.Length == 64 && value.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}
