using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Crawler.Fetching.Robots;

namespace Crawler.Bench.Robots;

/// <summary>
/// <c>bench/run robots-match [--rounds 5]</c>: robots.txt decisions per second, our RFC 9309 parser and matcher
/// against npm's robots-parser (3.0.1), on the real reddit and imgur files in ../shared/fixtures/robots and the
/// same 5,000 URL strings (both sides parse each URL), each file parsed once per pass, in interleaved rounds.
/// Also reports how many verdicts the two agree on.
/// </summary>
internal sealed class RobotsMatchBenchmark : IBenchmark
{
    private const string Peer = "robots-parser@3.0.1";
    private const string Agent = "CrawlerBot";
    private const int Passes = 20;

    public string Name => "robots-match";

    public string Description => $"robots.txt allow/deny checks per second, ours vs npm {Peer}, on real reddit and imgur files";

    public async Task<BenchResult> RunAsync(string[] args, CancellationToken ct)
    {
        var rounds = int.Parse(Arguments.Value(args, "--rounds") ?? "5", CultureInfo.InvariantCulture);
        var files = RobotsFiles();
        var urls = Urls(5_000);
        var work = Directory.CreateTempSubdirectory("robots-bench-").FullName;
        try
        {
            await RunAsync("npm", $"install --silent --no-audit --no-fund --prefix {work} {Peer}", ct);
            Console.WriteLine($"{files.Count} files x {urls.Count:N0} URLs x {Passes} passes per measurement; {rounds} rounds, {Environment.ProcessorCount} cores");
            string ourVerdicts = "", peerVerdicts = "";
            var measured = Interleaved.Run(rounds,
            [
                ("ours", () => Keep(MeasureOurs(files, urls), out ourVerdicts)),
                ($"npm {Peer}", () => Keep(MeasurePeerAsync(files, urls, work, ct).GetAwaiter().GetResult(), out peerVerdicts)),
            ], "checks/s");
            var (ours, peer) = (measured["ours"], measured[$"npm {Peer}"]);
            Console.WriteLine($"ours {ours} checks/s; {Peer} {peer} checks/s");
            var agree = ourVerdicts.Zip(peerVerdicts).Count(p => p.First == p.Second);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"verdicts agree on {agree} of {ourVerdicts.Length} (files x urls)"));
            return new BenchResult(ours.Median, peer.Median, "checks/s");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static double Keep((double PerSecond, string Verdicts) measured, out string verdicts)
    {
        verdicts = measured.Verdicts;
        return measured.PerSecond;
    }

    private static (double PerSecond, string Verdicts) MeasureOurs(List<string> files, List<string> urls)
    {
        var verdicts = new StringBuilder();
        var checks = 0L;
        var clock = Stopwatch.StartNew();
        for (var round = 0; round < Passes; round++)
        {
            foreach (var content in files)
            {
                var rules = RobotsParser.Parse(Encoding.UTF8.GetBytes(content), Agent);
                foreach (var url in urls)
                {
                    var allowed = rules.IsAllowed(new Uri(url));
                    if (round == 0)
                    {
                        verdicts.Append(allowed ? '1' : '0');
                    }
                    checks++;
                }
            }
        }
        return (checks / clock.Elapsed.TotalSeconds, verdicts.ToString());
    }

    /// <param name="work">Where robots-parser is installed; the peer reads its input from there.</param>
    private static async Task<(double PerSecond, string Verdicts)> MeasurePeerAsync(List<string> files, List<string> urls, string work, CancellationToken ct)
    {
        var input = Path.Combine(work, "input.json");
        await File.WriteAllTextAsync(input, JsonSerializer.Serialize(new { files, urls, rounds = Passes, agent = Agent }), ct);
        var script = Path.Combine(AppContext.BaseDirectory, "Robots", "robots-parser-peer.js");
        var output = (await RunAsync("node", $"{script} {input} {work}", ct)).Trim().Split(' ');
        return (double.Parse(output[0], CultureInfo.InvariantCulture), output.Length > 1 ? output[1] : "");
    }

    private static async Task<string> RunAsync(string program, string arguments, CancellationToken ct)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true })
            ?? throw new InvalidOperationException($"could not start {program}");
        var output = await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{program} {arguments} exited with {process.ExitCode}");
    }

    private static List<string> RobotsFiles()
    {
        var folder = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "..", "shared", "fixtures", "robots"));
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"the real robots.txt files are expected in {folder} (../shared beside the checkout)");
        }
        return Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
    }

    /// <summary>Paths a crawl of these sites asks about: listings, threads, JSON, feeds, searches, API calls.</summary>
    private static List<string> Urls(int count)
    {
        string[] shapes =
        [
            "/r/{0}/", "/r/{0}/new.json?limit=100&after=t3_{1}", "/r/{0}/comments/{1}/fix_my_photo/", "/r/{0}/comments/{1}/t/{2}/de/x",
            "/r/{0}/comments/{1}.rss", "/r/{0}/.rss", "/r/{0}/submit", "/api/morechildren?link_id=t3_{1}", "/search?q={2}",
            "/3/gallery/album/{1}", "/3/album/{1}", "/a/{1}", "/gallery/{1}", "/register?redirect=%2F{2}", "/{1}.jpg", "/media?url={2}",
        ];
        string[] communities = ["PhotoshopRequest", "estoration", "picrequests", "pics"];
        var random = new Random(2026);
        return Enumerable.Range(0, count)
            .Select(i => "https://www.example.com" + string.Format(CultureInfo.InvariantCulture, shapes[i % shapes.Length],
                communities[random.Next(communities.Length)], Convert.ToString(random.NextInt64(1L << 30, 1L << 34), 16), random.Next(100_000)))
            .ToList();
    }
}
