namespace Crawler.Dedup.Comparison;

/// <summary>Two images at their best alignment.</summary>
/// <param name="Structure">Pearson correlation (-1 to 1) of their edge maps.</param>
/// <param name="Colour">The share (0 to 1) of the aligned area whose colour agrees (see <see cref="ColourMap"/>).</param>
public readonly record struct RegisteredMatch(double Structure, double Colour);
