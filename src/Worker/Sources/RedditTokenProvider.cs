using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Crawler.Core.Text;
using Crawler.Fetching;

namespace Crawler.Worker.Sources;

/// <summary>
/// Bearer tokens for Reddit's API by the app-only grant (<c>grant_type=client_credentials</c>), one per source,
/// reused until a minute before they expire. The token request goes through the fetcher like any other.
/// </summary>
public sealed class RedditTokenProvider(IFetcher fetcher, TimeProvider time)
{
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset Until)> _tokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    /// <exception cref="FetchException">The token endpoint refused (bad credentials are not transient) or failed.</exception>
    public async Task<string> TokenAsync(SourceOptions source, RedditOAuthOptions oauth, CancellationToken ct)
    {
        if (Valid(source.Name) is { } cached)
        {
            return cached;
        }
        var gate = _gates.GetOrAdd(source.Name, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            return Valid(source.Name) ?? await RequestAsync(source, oauth, ct);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Forgets the source's token after the API refused it (revoked, or expired early).</summary>
    public void Invalidate(string source) => _tokens.TryRemove(source, out _);

    private string? Valid(string source) =>
        _tokens.TryGetValue(source, out var entry) && entry.Until > time.GetUtcNow() ? entry.Token : null;

    private async Task<string> RequestAsync(SourceOptions source, RedditOAuthOptions oauth, CancellationToken ct)
    {
        var (id, secret) = oauth.Credentials(out var missing)
            ?? throw new FetchException($"the environment variable {missing} is not set; Reddit's API needs the app's client id and secret", transient: false);
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(id)}:{Uri.EscapeDataString(secret)}"));
        var request = new FetchRequest(new Uri(oauth.TokenUrl), FetchKind.Page, source.Name,
            Headers: new Dictionary<string, string> { ["Authorization"] = new AuthenticationHeaderValue("Basic", basic).ToString() },
            Method: HttpMethod.Post,
            Body: "grant_type=client_credentials"u8.ToArray(),
            BodyType: "application/x-www-form-urlencoded");
        FetchResponse response;
        try
        {
            response = await fetcher.FetchAsync(request, ct);
        }
        catch (FetchException e) when (e.StatusCode is 400 or 401 or 403)
        {
            throw new FetchException($"Reddit refused the client credentials from {oauth.ClientIdVariable}/{oauth.ClientSecretVariable}: {e.Message}", transient: false, e.StatusCode, inner: e);
        }
        var (token, lifetime) = Parse(response.Body);
        _tokens[source.Name] = (token, time.GetUtcNow() + lifetime - Margin);
        return token;
    }

    private static (string Token, TimeSpan Lifetime) Parse(byte[] body)
    {
        try
        {
            using var json = JsonText.Parse(body);
            var root = json.RootElement;
            if (root.TryGetProperty("access_token", out var token) && token.ValueKind == JsonValueKind.String && token.GetString() is { Length: > 0 } value)
            {
                var seconds = root.TryGetProperty("expires_in", out var expires) && expires.TryGetInt32(out var s) ? s : 3600;
                return (value, TimeSpan.FromSeconds(Math.Max(seconds, 120)));
            }
            var error = root.TryGetProperty("error", out var e) ? e.ToString() : "no access_token";
            throw new FetchException($"Reddit's token endpoint answered without a token: {error}", transient: false);
        }
        catch (JsonException e)
        {
            throw new FetchException($"Reddit's token endpoint answered with malformed JSON: {e.Message}", transient: false, inner: e);
        }
    }
}
