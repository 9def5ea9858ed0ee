namespace Crawler.Dedup.Comparison;

/// <summary>
/// Confirms that two images are the same picture, allowing for a crop, a mirror or a small rotation: the
/// edit's edge map is registered on the original's by exhaustive search over scales (the edit showing 100%
/// down to 75% of the original's width), every offset, three tilts, as it is and mirrored, and the best
/// correlation is the score. Pictures with one layout but different contents (two portraits against one
/// wall, two renders of one template) have close embeddings, but their edges do not line up anywhere.
/// </summary>
public static class AlignedStructure
{
    private static readonly double[] Scales = [1.0, 0.95, 0.9, 0.85, 0.8, 0.75];

    /// <summary>Either image may be the cropped one: the better of the two registrations.</summary>
    public static double Between(byte[] a, byte[] b)
    {
        using var pa = RegistrationProfile.Of(a);
        using var pb = RegistrationProfile.Of(b);
        return Between(pa, pb);
    }

    public static double Between(RegistrationProfile a, RegistrationProfile b) => Math.Max(Of(a, b), Of(b, a));

    /// <summary>The best Pearson correlation (-1 to 1) with <paramref name="edit"/> showing all or part of <paramref name="original"/>.</summary>
    public static double Of(RegistrationProfile original, RegistrationProfile edit)
    {
        var (editWidth, editHeight) = (edit.Targets[0].Width, edit.Targets[0].Height);
        var best = -1.0;
        foreach (var scale in Scales)
        {
            // The original at the size where its content has the edit's scale, if the edit fits in it.
            var width = (int)Math.Round(editWidth / scale);
            var height = (int)Math.Round(width * (double)original.Height / original.Width);
            if (height < editHeight - 1)
            {
                continue;
            }
            var source = original.SourceAt(width, Math.Max(height, editHeight));
            foreach (var target in edit.Targets.Where(t => t.Width <= source.Width && t.Height <= source.Height))
            {
                best = Math.Max(best, source.BestCorrelation(target));
            }
        }
        return best;
    }
}
