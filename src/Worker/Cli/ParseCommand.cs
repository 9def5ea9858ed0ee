using System.CommandLine;
using System.Text;
using Crawler.Parsers;
using Crawler.Parsers.Forums;
using Crawler.Parsers.Reddit;
using Crawler.Parsers.Reddit.ArcticShift;
using Crawler.Parsers.Reddit.Dumps;
using Crawler.Parsers.Reddit.Html;

namespace Crawler.Worker.Cli;

/// <summary><c>parse --site SITE --file FILE [--url PAGE_URL] [--sites DIR]</c>: prints what a parser sees in a saved page.</summary>
internal static class ParseCommand
{
    public static ParserCatalog Parsers { get; } = new([new ArcticShiftParser(), new RedditJsonParser(), new RedditHtmlParser(), new PushshiftParser()]);

    public static Command Create()
    {
        var site = new Option<string>("--site") { Description = $"Parser name: {string.Join(", ", Parsers.Names.Order())}; or a forum: xenforo, vbulletin, a site file's name in the sites folder, or a site file's path.", Required = true };
        var file = new Option<FileInfo>("--file") { Description = "The saved page or API response.", Required = true };
        var url = new Option<string?>("--url") { Description = "The page's URL, to resolve relative links (the parser never fetches it)." };
        var sites = new Option<DirectoryInfo?>("--sites") { Description = "The folder of forum site files (default: config/sites beside the executable)." };
        var command = new Command("parse", "Print the threads and replies a parser finds in a saved page, as JSON.") { site, file, url, sites };
        command.SetAction(async (result, ct) =>
        {
            var path = result.GetRequiredValue(file).FullName;
            if (InputFile.Problem(path) is { } problem)
            {
                await Console.Error.WriteLineAsync($"crawler parse: {problem}");
                return 1;
            }
            try
            {
                var bytes = await File.ReadAllBytesAsync(path, ct);
                var name = result.GetRequiredValue(site);
                var parser = Parsers.Names.Contains(name, StringComparer.OrdinalIgnoreCase)
                    ? Parsers.Get(name)
                    : ForumParsers.Find(name, result.GetValue(sites)?.FullName ?? ForumParsers.DefaultFolder) ?? Parsers.Get(name);
                // System.CommandLine has no Uri converter, so the URL arrives as text and is checked here.
                Uri? pageUrl = null;
                if (result.GetValue(url) is { } given && !Uri.TryCreate(given, UriKind.Absolute, out pageUrl))
                {
                    await Console.Error.WriteLineAsync($"crawler parse: --url must be an absolute URL, not '{given}'");
                    return 1;
                }
                var page = parser.Parse(bytes, pageUrl);
                await using var stdout = Console.OpenStandardOutput();
                ParsedPageJson.Write(page, stdout);
                await stdout.WriteAsync(Encoding.UTF8.GetBytes(Environment.NewLine), ct);
                return 0;
            }
            catch (SiteFileException e)
            {
                foreach (var line in e.Errors)
                {
                    await Console.Error.WriteLineAsync(line);
                }
                return 1;
            }
            catch (Exception e) when (e is PageFormatException or KeyNotFoundException or IOException)
            {
                await Console.Error.WriteLineAsync($"crawler parse: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
