using Crawler.Dedup.Comparison;
using NetVips;

namespace Crawler.Dedup.Tests.Comparison;

public sealed class StructureTests
{
    [Fact]
    public void StructureSimilarity_KeepsAHueShiftedEditRelated_AndADifferentPictureNot()
    {
        using var scene = TestImages.Scene(40);
        using var other = TestImages.Scene(41);
        using var lch = scene.Colourspace(Enums.Interpretation.Lch);
        using var turned = lch.Linear([1, 1, 1], [0, 0, 180]);
        using var hueShifted = turned.Colourspace(Enums.Interpretation.Srgb).Cast(Enums.BandFormat.Uchar);

        var edit = StructureSimilarity.Of(TestImages.Jpeg(scene), TestImages.Jpeg(hueShifted));
        var unrelated = StructureSimilarity.Of(TestImages.Jpeg(scene), TestImages.Jpeg(other));

        Assert.True(edit >= MeasuredThresholds.UnrelatedStructure, $"hue-shifted edit: {edit}");
        Assert.True(unrelated < MeasuredThresholds.UnrelatedStructure, $"different picture: {unrelated}");
    }

    [Fact]
    public void ImageRegistration_AlignsACroppedMirroredCopy_ButNotAnotherPicture()
    {
        using var scene = TestImages.Scene(42);
        using var crop = scene.ExtractArea(30, 20, 408, 306);
        using var mirroredCrop = crop.FlipHor();
        using var noise = Image.Gaussnoise(480, 360, sigma: 40, mean: 128, seed: 43);
        using var texture = noise.Gaussblur(2).Cast(Enums.BandFormat.Uchar);
        using var otherPicture = texture.Bandjoin(texture, texture).Copy(interpretation: Enums.Interpretation.Srgb);

        var copy = ImageRegistration.Between(TestImages.Jpeg(scene), TestImages.Jpeg(mirroredCrop, quality: 60)).Structure;
        var other = ImageRegistration.Between(TestImages.Jpeg(scene), TestImages.Jpeg(otherPicture)).Structure;

        Assert.True(copy >= MeasuredThresholds.DuplicateStructure, $"cropped mirrored copy: {copy}");
        Assert.True(other < MeasuredThresholds.DuplicateStructure, $"other picture: {other}");
    }
}
