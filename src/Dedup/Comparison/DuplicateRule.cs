namespace Crawler.Dedup.Comparison;

/// <summary>
/// When two images are the same picture (a repost, the same photo in two files): close embeddings propose it,
/// registration confirms it. Embeddings alone merge different photos of one layout (two portraits against one
/// wall, two renders of one template); their edges can line up too, once aligned over crops, mirrors and tilts,
/// but their colours do not. A repost keeps its colours through re-encoding, resizing, cropping, mirroring, a
/// small rotation or a small caption; a strong hue shift, a stylisation or a large pasted object is an edit.
/// </summary>
/// <param name="Similarity">Embedding similarity at or above which a pair is checked.</param>
/// <param name="Structure">Least edge correlation at the best alignment.</param>
/// <param name="Colour">Least share of the aligned picture whose colour agrees.</param>
public sealed record DuplicateRule(double Similarity, double Structure, double Colour)
{
    /// <summary>The thresholds measured for the built-in model.</summary>
    public static DuplicateRule Measured { get; } = new(MeasuredThresholds.NearDuplicate, MeasuredThresholds.DuplicateStructure, MeasuredThresholds.DuplicateColour);

    public bool Proposes(double similarity) => similarity >= Similarity;

    public bool Confirms(RegisteredMatch match) => match.Structure >= Structure && match.Colour >= Colour;

    /// <summary>Registers two encoded images and confirms them (see <see cref="Confirms"/>).</summary>
    /// <exception cref="Imaging.ImageRejectedException">Either image does not decode.</exception>
    public bool Confirms(byte[] a, byte[] b) => Confirms(ImageRegistration.Between(a, b));
}
