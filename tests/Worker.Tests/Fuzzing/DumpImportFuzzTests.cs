using Crawler.Parsers.Reddit;
using Crawler.TestSupport;
using Crawler.TestSupport.Fuzzing;
using Crawler.Worker.Sources;
using Crawler.Worker.Dumps;
using Crawler.Worker.Tests.Dumps;

namespace Crawler.Worker.Tests.Fuzzing;

/// <summary>
/// The dump reader over seeded mutations of dump files, plain and zstd-compressed: an import either reads
/// every line of the file, counting each bad one malformed with its reason, or, when the compressed stream
/// itself is broken, stops with an error saying so. Nothing else escapes, and no import hangs.
/// </summary>
public sealed class DumpImportFuzzTests
{
    private const int Seed = 11_2026;
    private const int Count = 300;

    private static readonly SourceOptions Source = new()
    {
        Name = "reddit-psr",
        Adapter = RedditJsonParser.FormatName,
        BaseUrl = "https://oauth.reddit.com/",
        Communities = ["PhotoshopRequest"],
    };

    [Fact]
    public async Task Import_ReadsEveryLineOrSaysTheFileIsBroken_ForEveryMutationOfTheProjectsDumps()
    {
        using var dir = new TempDir();
        var submissions = DumpFiles.Own("psr_RS_2024-03.ndjson");
        var comments = DumpFiles.Own("psr_RC_2024-03.ndjson");
        List<(string, byte[])> seeds =
        [
            ("RS", await File.ReadAllBytesAsync(submissions)),
            ("RC", await File.ReadAllBytesAsync(comments)),
            ("RS.zst", await File.ReadAllBytesAsync(DumpFiles.Compress(submissions, dir))),
        ];
        using var pipeline = await TestPipeline.StartAsync(Source);
        var importer = pipeline.Get<DumpImporter>();
        var path = dir.Combine("mutant");

        var tally = await FuzzRun.RunAsync(FuzzRun.Mutants(seeds, Count, Seed, MutationGrammar.Json), bytes =>
        {
            File.WriteAllBytes(path, bytes);
            var request = new DumpImportRequest([path], [path], ["PhotoshopRequest"], null, null, Source.Name);
            try
            {
                Check(importer.ImportAsync(request, null, CancellationToken.None).GetAwaiter().GetResult());
                return null;
            }
            catch (InvalidDataException e)
            {
                return e.Message;
            }
        }, TimeSpan.FromSeconds(60), length => (64 * length) + (64 << 20));

        Assert.Equal(Count, tally.Total);
        Assert.True(tally.Accepted > tally.Refused, $"{tally.Accepted} imports read through, {tally.Refused} refused: most mutations keep a readable file");
    }

    /// <summary>Every line read is imported or counted once under a reason; every malformed line quoted says what is wrong.</summary>
    private static void Check(DumpImportResult result)
    {
        var counted = result.Threads + result.Replies + result.OtherCommunities + result.OutOfRange + result.DeletedInDump
            + result.AlreadyCrawled + result.WithoutThread + result.Malformed;
        Assert.True(counted <= result.Lines, $"{counted} lines counted of {result.Lines} read: {result.Summary()}");
        Assert.All(result.MalformedExamples, example => Assert.Matches(@"^mutant:\d+: \S", example));
    }
}
