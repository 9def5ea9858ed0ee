using System.Net;
using Crawler.TestSupport;
using Crawler.Fetching;
using Crawler.TestSupport.Fetching;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Crawler.Fetching.Tests.Safety;

/// <summary>
/// Redirects and name resolution against the address guard. Made-up names resolve through the fake
/// resolver; the loopback-only connector shows that no connection to a forbidden address was attempted.
/// </summary>
public sealed class RedirectGuardTests
{
    [Theory]
    [InlineData("internal.test", "10.0.0.5")]
    [InlineData("metadata.test", "169.254.169.254")]
    [InlineData("v6loopback.test", "::1")]
    public async Task Fetch_RefusesARedirectToANameResolvingToAPrivateAddress_BeforeConnecting(string name, string address)
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/jump", () => Results.Redirect($"http://{name}/latest/meta-data/")));
        using var rig = new FetcherRig(resolver: new FakeResolver().Map(FetcherRig.Host, "127.0.0.1").Map(name, address));

        var error = await Assert.ThrowsAsync<FetchException>(() => rig.GetAsync(FetcherRig.At(server, "/jump")));

        Assert.False(error.Transient);
        Assert.Equal($"refused: {name} resolves to {IPAddress.Parse(address)}, inside a private, loopback or reserved network", error.Message);
        Assert.Contains(name, rig.Resolver.Lookups);
        Assert.All(rig.Connector.Attempts, endpoint => Assert.Equal(IPAddress.Loopback, endpoint.Address));
    }

    [Fact]
    public async Task Fetch_RefusesAHost_WhoseDnsAnswerTurnsPrivate()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/page", (HttpContext ctx) =>
        {
            // A fresh connection per request, so the second one resolves the name again.
            ctx.Response.Headers.Connection = "close";
            return Results.Text("first answer");
        }));
        // The source is exempt from robots.txt, so the two lookups are the two pages'.
        using var rig = new FetcherRig(
            exemptions: FixedExemptions.Robots("test"),
            resolver: new FakeResolver().Map("rebind.test", "127.0.0.1", "10.0.0.5"));
        var url = new Uri($"http://rebind.test:{server.Port}/page");

        var first = await rig.GetAsync(url);
        var error = await Assert.ThrowsAsync<FetchException>(() => rig.GetAsync(url));

        Assert.Equal("first answer", System.Text.Encoding.UTF8.GetString(first.Body));
        Assert.Equal("refused: rebind.test resolves to 10.0.0.5, inside a private, loopback or reserved network", error.Message);
        Assert.All(rig.Connector.Attempts, endpoint => Assert.Equal(IPAddress.Loopback, endpoint.Address));
    }

    [Fact]
    public async Task Fetch_RefusesARedirectLoop()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/a", () => Results.Redirect("/b"));
            app.MapGet("/b", () => Results.Redirect("/a"));
        });
        using var rig = new FetcherRig();

        var error = await Assert.ThrowsAsync<FetchException>(() => rig.GetAsync(FetcherRig.At(server, "/a")));

        Assert.False(error.Transient);
        Assert.Equal($"redirect loop: {FetcherRig.At(server, "/a")} was already visited", error.Message);
    }

    [Fact]
    public async Task Fetch_RefusesMoreRedirectsThanTheLimit()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
            app.MapGet("/hop/{n:int}", (int n) => Results.Redirect($"/hop/{n + 1}")));
        using var rig = new FetcherRig(fetch: f => f.MaxRedirects = 3);

        var error = await Assert.ThrowsAsync<FetchException>(() => rig.GetAsync(FetcherRig.At(server, "/hop/0")));

        Assert.False(error.Transient);
        Assert.Equal($"too many redirects: more than 3, last to {FetcherRig.At(server, "/hop/4")}", error.Message);
    }

    [Fact]
    public async Task Fetch_FollowsRedirects_WithinTheLimit()
    {
        await using var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/old", () => Results.Redirect("/new", permanent: true));
            app.MapGet("/new", () => Results.Text("moved here"));
        });
        using var rig = new FetcherRig();

        var response = await rig.GetAsync(FetcherRig.At(server, "/old"));

        Assert.Equal("moved here", System.Text.Encoding.UTF8.GetString(response.Body));
        Assert.Equal(FetcherRig.At(server, "/new"), response.FinalUrl);
    }

    [Theory]
    [InlineData("file:///etc/passwd", "file")]
    [InlineData("ftp://files.example/x.jpg", "ftp")]
    public async Task Fetch_RefusesARedirectToAnotherScheme(string location, string scheme)
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/elsewhere", () => Results.Redirect(location)));
        using var rig = new FetcherRig();

        var error = await Assert.ThrowsAsync<FetchException>(() => rig.GetAsync(FetcherRig.At(server, "/elsewhere")));

        Assert.Equal($"refused: scheme '{scheme}' is not http or https", error.Message);
    }

    [Fact]
    public async Task Fetch_DropsTheRequestsOwnHeaders_OnARedirectToAnotherOrigin()
    {
        string? seen = "not called";
        await using var target = await LoopbackServer.StartAsync(app => app.MapGet("/land", (HttpContext ctx) =>
        {
            seen = ctx.Request.Headers.Authorization.FirstOrDefault();
            return Results.Text("landed");
        }));
        await using var server = await LoopbackServer.StartAsync(app =>
            app.MapGet("/api", () => Results.Redirect($"http://other.test:{target.Port}/land")));
        using var rig = new FetcherRig(resolver: new FakeResolver().Map(FetcherRig.Host, "127.0.0.1").Map("other.test", "127.0.0.1"));
        var request = new FetchRequest(FetcherRig.At(server, "/api"), FetchKind.Page, "test", Headers: new Dictionary<string, string> { ["Authorization"] = "bearer secret" });

        var response = await rig.Fetcher.FetchAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal("landed", System.Text.Encoding.UTF8.GetString(response.Body));
        Assert.Null(seen);
    }

    [Fact]
    public async Task Fetch_RefusesANonWebScheme_WithoutAnyLookup()
    {
        using var rig = new FetcherRig();

        var error = await Assert.ThrowsAsync<FetchException>(() => rig.GetAsync(new Uri("gopher://fault.test/1")));

        Assert.Equal("refused: scheme 'gopher' is not http or https", error.Message);
        Assert.Empty(rig.Resolver.Lookups);
    }

    [Theory]
    [InlineData("http://[::1]:8080/x", "::1")]
    [InlineData("http://2130706433/x", "127.0.0.1")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "169.254.169.254")]
    public async Task Fetch_RefusesAnAddressLiteral_InsideAForbiddenNetwork(string url, string address)
    {
        using var rig = new FetcherRig(fetch: f => f.AllowedNetworks = []);

        var error = await Assert.ThrowsAsync<FetchException>(() => rig.GetAsync(new Uri(url)));

        Assert.False(error.Transient);
        Assert.EndsWith($"resolves to {address}, inside a private, loopback or reserved network", error.Message, StringComparison.Ordinal);
        Assert.Empty(rig.Connector.Attempts);
    }
}
