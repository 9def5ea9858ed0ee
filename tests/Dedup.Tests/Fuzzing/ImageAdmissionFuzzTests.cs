using Crawler.Dedup.Imaging;
using Crawler.TestSupport;
using Crawler.TestSupport.Fuzzing;
using NetVips;

namespace Crawler.Dedup.Tests.Fuzzing;

/// <summary>
/// Image admission (the fetch-image stage's and dedup's) over seeded mutations of real image files: each is
/// admitted with a size within the caps or refused with a reason, within the decode limit, and libvips' own
/// memory stays bounded.
/// </summary>
public sealed class ImageAdmissionFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 11_2026;
    private const int Count = 400;
    private const long MaxPixels = 20_000_000;

    /// <summary>A sequential decode holds a few lines, never a whole image; this leaves room for other tests in the process.</summary>
    private const ulong MaxLibvipsMemory = 512UL << 20;

    private static readonly ImageInspector Admission = new(new ImageLimits(25 << 20, MaxPixels, TimeSpan.FromSeconds(5)));

    [Fact]
    public async Task Inspect_AdmitsWithinTheCapsOrRefusesWithAReason_EveryMutatedImage()
    {
        using var scene = TestImages.Scene(21);
        List<(string, byte[])> seeds =
        [
            ("scene.jpg", TestImages.Jpeg(scene)),
            ("scene.png", TestImages.Png(scene)),
            ("scene.gif", scene.GifsaveBuffer()),
            ("scene.webp", scene.WebpsaveBuffer()),
            ("progressive.jpg", scene.JpegsaveBuffer(interlace: true)),
        ];

        var tally = await FuzzRun.RunAsync(ImageMutants.Of(seeds, Count, Seed), Attempt, TimeSpan.FromSeconds(60), length => (16 * length) + (32 << 20));

        output.WriteLine($"{tally.Accepted} admitted, {tally.Refused} refused; libvips memory high-water mark {Stats.MemHighwater:N0} bytes");
        Assert.Equal(Count, tally.Total);
        Assert.True(tally.Accepted > 0 && tally.Refused > 0, $"{tally.Accepted} admitted, {tally.Refused} refused: the mutations should do both");
        Assert.Contains(tally.Reasons, r => r.StartsWith("too many pixels", StringComparison.Ordinal));
        Assert.True(Stats.MemHighwater <= MaxLibvipsMemory, $"libvips held {Stats.MemHighwater:N0} bytes at most, over {MaxLibvipsMemory:N0}");
    }

    [Fact]
    [SharedFixturesTrait]
    public async Task Inspect_AdmitsWithinTheCapsOrRefusesWithAReason_EveryMutatedRealPhoto()
    {
        var folder = SharedFixtures.PathOf("images", "opencv-samples");
        var seeds = Directory.GetFiles(folder).Order(StringComparer.Ordinal).Take(8).Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))).ToList();

        var tally = await FuzzRun.RunAsync(ImageMutants.Of(seeds, 120, Seed), Attempt, TimeSpan.FromSeconds(60), length => (16 * length) + (32 << 20));

        Assert.Equal(120, tally.Total);
        Assert.True(tally.Accepted > 0 && tally.Refused > 0, $"{tally.Accepted} admitted, {tally.Refused} refused: the mutations should do both");
    }

    /// <returns>Null when admitted (with a size within the caps), else why it was refused.</returns>
    private static string? Attempt(byte[] bytes)
    {
        try
        {
            var facts = Admission.Inspect(bytes);
            Assert.InRange((long)facts.Width * facts.Height, 1, MaxPixels);
            return null;
        }
        catch (ImageRejectedException e)
        {
            return e.Message;
        }
    }
}
