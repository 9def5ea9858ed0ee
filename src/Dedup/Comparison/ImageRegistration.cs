namespace Crawler.Dedup.Comparison;

/// <summary>
/// Aligns two images that may be one picture, allowing for a crop, a mirror or a small rotation: the edit's
/// edge map is registered on the original's by exhaustive search over scales (the edit showing 100% down to
/// 75% of the original's width), every offset, three tilts, as it is and mirrored. The best correlation says
/// whether their shapes line up; the colours compared at that alignment say whether it is the same content.
/// </summary>
public static class ImageRegistration
{
    private static readonly double[] Scales = [1.0, 0.95, 0.9, 0.85, 0.8, 0.75];

    /// <summary>Either image may be the cropped one: the registration whose edges line up better.</summary>
    /// <exception cref="Imaging.ImageRejectedException">Either image does not decode.</exception>
    public static RegisteredMatch Between(byte[] a, byte[] b)
    {
        using var pa = RegistrationProfile.Of(a);
        using var pb = RegistrationProfile.Of(b);
        return Between(pa, pb);
    }

    public static RegisteredMatch Between(RegistrationProfile a, RegistrationProfile b) =>
        (Align(a, b) is var ab && Align(b, a) is var ba && ba.Structure > ab.Structure ? ba : ab).Match();

    /// <summary>The best alignment of <paramref name="edit"/> showing all or part of <paramref name="original"/>.</summary>
    private static Alignment Align(RegistrationProfile original, RegistrationProfile edit)
    {
        var (editWidth, editHeight) = (edit.Targets[0].Edges.Width, edit.Targets[0].Edges.Height);
        var best = new Alignment(-1, null, null, 0, 0);
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
            foreach (var target in edit.Targets.Where(t => t.Edges.Width <= source.Edges.Width && t.Edges.Height <= source.Edges.Height))
            {
                var (correlation, x, y) = source.Edges.BestCorrelation(target.Edges);
                if (correlation > best.Structure)
                {
                    best = new Alignment(correlation, source, target, x, y);
                }
            }
        }
        return best;
    }

    /// <summary>Where <paramref name="Target"/> lies on <paramref name="Source"/> (none when the edit fits at no scale).</summary>
    private sealed record Alignment(double Structure, RegistrationView? Source, RegistrationView? Target, int X, int Y)
    {
        public RegisteredMatch Match() =>
            new(Structure, Source is not null && Target is not null ? Source.Colours.Agreement(Target.Colours, X, Y) : 0);
    }
}
