using System.ComponentModel.DataAnnotations;

namespace Crawler.Worker.Images;

/// <summary>How image-host links are turned into downloads; bound from <c>ImageHosts</c>.</summary>
public sealed class ImageHostsOptions
{
    public const string Section = "ImageHosts";

    /// <summary>The imgur API v3 root that album and gallery links are resolved through.</summary>
    [Required, Url]
    public string ImgurApiBase { get; set; } = "https://api.imgur.com/3/";

    /// <summary>
    /// The environment variable holding the imgur Client-ID (a secret: read from the environment only,
    /// never from a file, never logged). Without it, album and gallery links are recorded as unresolvable.
    /// </summary>
    [Required]
    public string ImgurClientIdVariable { get; set; } = "IMGUR_CLIENT_ID";

    public static IReadOnlyList<string> DefaultRefusedRobotsTagDirectives { get; } = ["noai", "noimageai"];

    /// <summary>
    /// X-Robots-Tag directives on an image that mean it must not be used (as img2dataset honours them). Unset:
    /// <see cref="DefaultRefusedRobotsTagDirectives"/>; set, it replaces them (binding would add to a filled list).
    /// </summary>
    public List<string> RefusedRobotsTagDirectives { get; set; } = [];

    public IReadOnlyList<string> RefusedRobotsTagDirectivesInForce =>
        RefusedRobotsTagDirectives.Count > 0 ? RefusedRobotsTagDirectives : DefaultRefusedRobotsTagDirectives;
}
