using Microsoft.Extensions.Options;

namespace Crawler.Worker.Images;

/// <summary>The imgur API Client-ID, taken from the environment at start; null when none is set.</summary>
public sealed record ImgurCredentials(string? ClientId)
{
    public static ImgurCredentials FromEnvironment(IOptions<ImageHostsOptions> options) =>
        new(Environment.GetEnvironmentVariable(options.Value.ImgurClientIdVariable) is { Length: > 0 } id ? id.Trim() : null);

    /// <summary>Never prints the secret.</summary>
    public override string ToString() => ClientId is null ? "no imgur Client-ID" : "an imgur Client-ID";
}
