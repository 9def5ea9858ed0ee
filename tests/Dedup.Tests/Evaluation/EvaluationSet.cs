using Crawler.Dedup.Comparison;
using NetVips;

namespace Crawler.Dedup.Tests.Evaluation;

/// <summary>
/// The real photos of <c>../shared/fixtures/images/opencv-samples</c> with their generated variants. Some
/// of those photos are near-duplicates of each other in life (consecutive video frames, stereo pairs, one
/// scene from two viewpoints, a real retouch): pairs across them count neither for nor against precision.
/// </summary>
public sealed class EvaluationSet
{
    private static readonly string[][] RelatedPhotos =
    [
        ["basketball1.png", "basketball2.png"],
        ["rubberwhale1.png", "rubberwhale2.png"],
        ["aloeL.jpg", "aloeR.jpg"],
        ["leuvenA.jpg", "leuvenB.jpg"],
        ["graf1.png", "graf3.png"],
        ["aero1.jpg", "aero3.jpg"],
        ["ela_original.jpg", "ela_modified.jpg"],
    ];

    private readonly Lazy<IReadOnlyList<ulong>> _hashes;
    private readonly Lazy<IReadOnlyDictionary<int, double>> _differences;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(int, int), double> _structure = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(int, int), RegisteredMatch> _registered = new();
    private readonly Lazy<RegistrationProfile[]> _profiles;

    private EvaluationSet(IReadOnlyList<EvaluationImage> images)
    {
        Images = images;
        OriginalOf = Enumerable.Range(0, images.Count).Where(i => images[i].Group == VariantGroup.Original).ToDictionary(i => images[i].Source);
        _hashes = new(() => [.. images.AsParallel().AsOrdered().Select(i => PHash.Of(i.Bytes))]);
        _differences = new(() => Enumerable.Range(0, images.Count).Where(i => images[i].Group != VariantGroup.Original).AsParallel()
            .ToDictionary(i => i, i => PixelDifference.MaxBlockDifference(images[OriginalOf[images[i].Source]].Bytes, images[i].Bytes)));
        _profiles = new(() => [.. images.AsParallel().AsOrdered().Select(i => RegistrationProfile.Of(i.Bytes))]);
    }

    public IReadOnlyList<EvaluationImage> Images { get; }

    /// <summary>The index of each source photo's original.</summary>
    public IReadOnlyDictionary<int, int> OriginalOf { get; }

    /// <summary>The baseline's 64-bit pHash of every image, by index.</summary>
    public IReadOnlyList<ulong> Hashes => _hashes.Value;

    /// <summary>Edge-map correlation of an original with another image, computed once per pair.</summary>
    public double Structure(int original, int other) =>
        _structure.GetOrAdd((original, other), k => StructureSimilarity.Of(Images[k.Item1].Bytes, Images[k.Item2].Bytes));

    /// <summary>The registration of two images (either may be the cropped one), computed once per pair.</summary>
    public RegisteredMatch Registered(int a, int b) =>
        _registered.GetOrAdd((Math.Min(a, b), Math.Max(a, b)), k => ImageRegistration.Between(_profiles.Value[k.Item1], _profiles.Value[k.Item2]));

    /// <summary>The pixel filter's block difference between each variant and its original, by variant index.</summary>
    public IReadOnlyDictionary<int, double> Differences => _differences.Value;

    public static EvaluationSet Build(string folder)
    {
        var files = Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToList();
        var photos = files.Select(f => Variants.AsSrgb(File.ReadAllBytes(f))).ToList();
        try
        {
            var images = new List<EvaluationImage>();
            for (var i = 0; i < files.Count; i++)
            {
                images.AddRange(VariantsOf(i, Path.GetFileName(files[i]), File.ReadAllBytes(files[i]), photos[i], photos[(i + 11) % photos.Count]));
            }
            return new EvaluationSet(images);
        }
        finally
        {
            photos.ForEach(p => p.Dispose());
        }
    }

    /// <summary>True when two photos are different photos (not the same one, nor related in life).</summary>
    public static bool Unrelated(EvaluationImage a, EvaluationImage b) =>
        a.Source != b.Source && !RelatedPhotos.Any(r => r.Contains(a.Photo) && r.Contains(b.Photo));

    private static IEnumerable<EvaluationImage> VariantsOf(int source, string name, byte[] original, Image photo, Image other)
    {
        var random = new Random(source);
        EvaluationImage Made(VariantGroup group, string change, byte[] bytes) => new(source, name, group, change, bytes);
        yield return Made(VariantGroup.Original, "as found", original);
        yield return Made(VariantGroup.Duplicate, "resized to half", Variants.Resized(photo));
        yield return Made(VariantGroup.Duplicate, "JPEG quality 30", Variants.LowQuality(photo));
        yield return Made(VariantGroup.Duplicate, "small caption", Variants.Captioned(photo, random));
        yield return Made(VariantGroup.HardDuplicate, "crop 10-20%", Variants.Cropped(photo, random));
        yield return Made(VariantGroup.HardDuplicate, "mirror", Variants.Mirrored(photo));
        yield return Made(VariantGroup.HardDuplicate, "rotation 3-6 degrees", Variants.Rotated(photo, random));
        yield return Made(VariantGroup.LargeEdit, "pasted object over a third", Variants.Pasted(photo, other, random));
        yield return Made(VariantGroup.LargeEdit, "pencil sketch", Variants.Sketched(photo));
        if (Variants.Chroma(photo) >= 8)
        {
            yield return Made(VariantGroup.LargeEdit, "hue shift 180 degrees", Variants.HueShifted(photo));
        }
        yield return Made(VariantGroup.SmallEdit, "small object removed", Variants.ObjectRemoved(photo));
        yield return Made(VariantGroup.SmallEdit, "word added", Variants.WordAdded(photo, random));
        yield return Made(VariantGroup.SmallEdit, "blemish retouched", Variants.BlemishRetouched(photo));
    }
}
