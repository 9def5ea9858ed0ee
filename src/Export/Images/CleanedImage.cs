using Crawler.Core.Text;

namespace Crawler.Export.Images;

/// <summary>How an exported image was derived from its download.</summary>
public enum ImageTreatment
{
    /// <summary>Metadata segments dropped; the compressed pixels are the downloaded ones, byte for byte.</summary>
    Stripped,

    /// <summary>Decoded and encoded again (orientation, size or format); <see cref="CleanedImage.Reason"/> says why.</summary>
    Reencoded,
}

/// <summary>The bytes that go into a snapshot: free of metadata, upright, within the size limit.</summary>
public sealed record CleanedImage(byte[] Bytes, string Format, int Width, int Height, ImageTreatment Treatment, string Reason)
{
    public string Sha256 { get; } = Sha256Hex.Of(Bytes);

    /// <summary>The file name shown by <c>datasets</c>: the hash, never user input, with an extension tools recognise.</summary>
    public string FileName => $"{Sha256}.{(Format == "jpeg" ? "jpg" : Format)}";
}
