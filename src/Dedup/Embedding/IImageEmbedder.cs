namespace Crawler.Dedup.Embedding;

/// <summary>Turns images into L2-normalised vectors whose dot product measures perceptual similarity.</summary>
public interface IImageEmbedder
{
    /// <summary>Names the model and its version; stored beside every vector so a model change re-embeds.</summary>
    string ModelId { get; }

    int Dimensions { get; }

    /// <summary>One vector per image, in order.</summary>
    /// <exception cref="Imaging.ImageRejectedException">An image could not be decoded; the message names it.</exception>
    IReadOnlyList<float[]> Embed(IReadOnlyList<byte[]> images);
}
