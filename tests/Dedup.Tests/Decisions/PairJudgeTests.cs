using Crawler.Dedup.Comparison;
using Crawler.Dedup.Decisions;
using NetVips;

namespace Crawler.Dedup.Tests.Decisions;

/// <summary>
/// The judge on evidence made in memory, no catalog: real pictures for the pixel and edge rules, vectors
/// set by hand so each test says which similarity it means.
/// </summary>
public sealed class PairJudgeTests
{
    private static readonly float[] Same = [1f, 0f];
    private static readonly float[] Close = [0.95f, MathF.Sqrt(1 - (0.95f * 0.95f))];
    private static readonly float[] Far = [0f, 1f];

    private readonly PairJudge _judge = new(new PairThresholds());

    [Fact]
    public void Judge_RejectsAByteIdenticalEdit_AsANoOp()
    {
        var original = Image("a", Same, Scene(1));

        var verdict = _judge.Judge(new PairEvidence(original, original with { }, null, "c1", []));

        Assert.Equal(PairVerdict.Reject("no-op: the edit is byte-identical to the original", 1.0, 0.0, null), verdict);
    }

    [Fact]
    public void Judge_RejectsARepost_NamingTheThreadThatPostedItFirst()
    {
        var verdict = _judge.Judge(new PairEvidence(Image("a", Same, Scene(2)), Image("b", Close, Scene(2, withBall: false)), "reddit:first", "c7", []));

        Assert.False(verdict.Accepted);
        Assert.Equal("repost: the original was first posted in thread reddit:first", verdict.Reason);
        Assert.Equal(0.95, verdict.Similarity!.Value, 1e-6);
        Assert.Equal("c7", verdict.Cluster);
    }

    [Fact]
    public void Judge_RejectsAnEditThatSharesNeitherEmbeddingNorEdges_AsUnrelated()
    {
        // A meme posted as an answer: stripes where the photo has shapes.
        using var sines = NetVips.Image.Sines(480, 360, hfreq: 7, vfreq: 1);
        using var stripes = ((sines + 1) * 127.5).Cast(Enums.BandFormat.Uchar);

        var verdict = _judge.Judge(new PairEvidence(Image("a", Same, Scene(3)), Image("b", Far, TestImages.Png(stripes)), null, "c1", []));

        Assert.False(verdict.Accepted);
        Assert.StartsWith("unrelated: similarity 0.000 to the original is under 0.500 and its edges correlate ", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_KeepsARecolour_WhoseEmbeddingMovedButWhoseEdgesFollowTheOriginal()
    {
        using var scene = TestImages.Scene(4);
        using var inverted = scene.Invert();

        var verdict = _judge.Judge(new PairEvidence(Image("a", Same, TestImages.Png(scene)), Image("b", Far, TestImages.Png(inverted)), null, "c1", []));

        Assert.True(verdict.Accepted, verdict.Reason);
        Assert.True(verdict.Difference > MeasuredThresholds.NoOpBlockDifference);
    }

    [Fact]
    public void Judge_RejectsAReencodedCopy_AsANoOp()
    {
        using var scene = TestImages.Scene(5);

        var verdict = _judge.Judge(new PairEvidence(Image("a", Same, TestImages.Png(scene)), Image("b", Same, TestImages.Jpeg(scene, quality: 70)), null, "c1", []));

        Assert.False(verdict.Accepted);
        Assert.StartsWith("no-op: no block's mean colour shifts by more than ", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_AcceptsARealEdit_WithItsScores()
    {
        var verdict = _judge.Judge(new PairEvidence(Image("a", Same, Scene(6)), Image("b", Close, Scene(6, withBall: false)), null, "c3", []));

        Assert.True(verdict.Accepted, verdict.Reason);
        Assert.Null(verdict.Reason);
        Assert.Equal(0.95, verdict.Similarity!.Value, 1e-6);
        Assert.True(verdict.Difference > 60);
        Assert.Equal("c3", verdict.Cluster);
    }

    [Fact]
    public void Judge_RejectsTheSameEditPostedAgain_ByBytesOrByEmbeddingAndPixels()
    {
        var edit = Scene(7, withBall: false);
        using var editImage = NetVips.Image.NewFromBuffer(edit);
        var reencoded = TestImages.Jpeg(editImage, quality: 80);
        var evidence = new PairEvidence(Image("a", Same, Scene(7)), Image("b", Close, edit), null, "c1", []);

        var sameBytes = _judge.Judge(evidence with { Rivals = [new RivalEdit("reddit:t:r0:0", "b", null, () => edit)] });
        var samePicture = _judge.Judge(evidence with { Rivals = [new RivalEdit("reddit:t:r1:0", "z", Close, () => reencoded)] });

        Assert.Equal("duplicate of edit reddit:t:r0:0", sameBytes.Reason);
        Assert.Equal("duplicate of edit reddit:t:r1:0", samePicture.Reason);
    }

    [Fact]
    public void Judge_NeverReadsTheBytesOfARivalWhoseEmbeddingIsFar()
    {
        var reads = 0;
        var rival = new RivalEdit("reddit:t:r1:0", "z", Far, () =>
        {
            reads++;
            return Scene(8);
        });

        var verdict = _judge.Judge(new PairEvidence(Image("a", Same, Scene(8)), Image("b", Close, Scene(8, withBall: false)), null, "c1", [rival]));

        Assert.True(verdict.Accepted, verdict.Reason);
        Assert.Equal(0, reads);
    }

    private static JudgedImage Image(string sha, float[] vector, byte[] bytes) => new(sha, vector, bytes);

    private static byte[] Scene(int seed, bool withBall = true)
    {
        using var scene = TestImages.Scene(seed, withBall);
        return TestImages.Jpeg(scene);
    }
}
