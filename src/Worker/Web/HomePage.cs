using Microsoft.AspNetCore.Http;

namespace Crawler.Worker.Web;

/// <summary>The service's front page: what it is and where its dashboard and health are. A review page will replace it.</summary>
internal static class HomePage
{
    private const string Html = """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Crawler</title></head>
        <body>
        <h1>Crawler</h1>
        <p>Collects real-world instruction-guided image edits and publishes them as Parquet snapshots.</p>
        <ul>
        <li><a href="hangfire">Dashboard</a>: the pipeline's stages, their runs and failures</li>
        <li><a href="healthz">Health</a>: whether the catalog answers</li>
        </ul>
        </body>
        </html>
        """;

    public static IResult Render() => Results.Content(Html, "text/html; charset=utf-8");
}
