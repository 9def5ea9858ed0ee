namespace Crawler.Dedup.Embedding;

/// <summary>
/// The free parameters of the built-in descriptor. The defaults were chosen on the quality evaluation
/// (tests/Dedup.Tests/Evaluation); changing any of them changes the vectors, so it needs a new model id.
/// </summary>
/// <param name="Side">Input side in pixels.</param>
/// <param name="LumaBand">Luma DCT coefficients kept: those with u + v below this (DC excluded).</param>
/// <param name="ColourBand">Chroma DCT coefficients kept per channel: those with u + v below this (DC included).</param>
/// <param name="ColourWeight">How much colour counts against luma structure.</param>
/// <param name="ColourDcWeight">How much the mean colour counts against the colour layout.</param>
/// <param name="FrequencyExponent">Coefficient (u, v) is scaled by (u² + v²)^(e/2), flattening the 1/f spectrum of photos.</param>
/// <param name="MirrorSharpness">How sharply the left/right balance decides the canonical orientation.</param>
public sealed record PerceptualDesign(
    int Side = 32,
    int LumaBand = 5,
    int ColourBand = 4,
    float ColourWeight = 2.0f,
    float ColourDcWeight = 1.0f,
    float FrequencyExponent = 0.5f,
    float MirrorSharpness = 8f);
