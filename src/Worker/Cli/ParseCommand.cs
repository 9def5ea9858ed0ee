using System.CommandLine;
using System.Text;
using Crawler.Parsers;
using Crawler.Parsers.Reddit;
using Crawler.Parsers.Reddit.ArcticShift;
using Crawler.Parsers.Reddit.Dumps;
using Crawler.Parsers.Reddit.Html;

namespace Crawler.Worker.Cli;

/// <summary><c>parse --site SITE --file FILE [--url PAGE_URL]</c>: prints what a parser sees in a saved page.</summary>
internal static class ParseCommand
{
    public static ParserCatalog Parsers { get; } = new([new ArcticShiftParser(), new RedditJsonParser(), new RedditHtmlParser(), new PushshiftParser()]);

    public static Command Create()
    {
        var site = new Option<string>("--site") { Description = $"Parser name: {string.Join(", ", Parsers.Names.Order())}.", Required = true };
        var file = new Option<FileInfo>("--file") { Description = "The saved page or API response.", Required = true };
        var url = new Option<Uri?>("--url") { Description = "The page's URL, to resolve relative links (the parser never fetches it)." };
        var command = new Command("parse", "Print the threads and replies a parser finds in a saved page, as JSON.") { site, file, url };
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
                var page = Parsers.Get(result.GetRequiredValue(site)).Parse(bytes, result.GetValue(url));
                await using var stdout = Console.OpenStandardOutput();
                ParsedPageJson.Write(page, stdout);
                await stdout.WriteAsync(Encoding.UTF8.GetBytes(Environment.NewLine), ct);
                return 0;
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
