using System.ComponentModel.DataAnnotations;

namespace Crawler.Worker.Sources;

/// <summary>
/// Reddit's app-only OAuth (client credentials grant). The credentials themselves never sit in configuration:
/// only the names of the environment variables that hold them.
/// </summary>
public sealed class RedditOAuthOptions
{
    [Required, Url]
    public string TokenUrl { get; set; } = "https://www.reddit.com/api/v1/access_token";

    [Required]
    public string ClientIdVariable { get; set; } = "REDDIT_CLIENT_ID";

    [Required]
    public string ClientSecretVariable { get; set; } = "REDDIT_CLIENT_SECRET";

    /// <summary>The client id and secret from the environment; null naming what is missing.</summary>
    public (string Id, string Secret)? Credentials(out string? missing)
    {
        var id = Environment.GetEnvironmentVariable(ClientIdVariable);
        var secret = Environment.GetEnvironmentVariable(ClientSecretVariable);
        missing = string.IsNullOrEmpty(id) ? ClientIdVariable : string.IsNullOrEmpty(secret) ? ClientSecretVariable : null;
        return missing is null ? (id!, secret!) : null;
    }
}
