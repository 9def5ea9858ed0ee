using System.Net;
using Microsoft.Extensions.Options;

namespace Crawler.Fetching;

/// <summary>Checks the network lists of <see cref="FetchOptions"/>, which data annotations cannot.</summary>
public sealed class FetchOptionsValidator : IValidateOptions<FetchOptions>
{
    public ValidateOptionsResult Validate(string? name, FetchOptions options)
    {
        var failures = options.AllowedNetworks
            .Where(n => !IPNetwork.TryParse(n, out _))
            .Select(n => $"Fetch:AllowedNetworks: '{n}' is not a CIDR network such as 127.0.0.1/32")
            .Concat(options.HostOverrides
                .Where(kv => !IPEndPoint.TryParse(kv.Value, out var endpoint) || endpoint.Port == 0)
                .Select(kv => $"Fetch:HostOverrides:{kv.Key}: '{kv.Value}' is not an address:port such as 127.0.0.1:8080"))
            .ToList();
        if (!options.UserAgent.Contains("http://", StringComparison.Ordinal) && !options.UserAgent.Contains("https://", StringComparison.Ordinal))
        {
            failures.Add($"Fetch:UserAgent: '{options.UserAgent}' has no contact URL; site operators must be able to reach us, e.g. 'CrawlerBot/1.0 (+https://example.org/bot)'");
        }
        if (UserAgentToken.Of(options.UserAgent).Length == 0)
        {
            failures.Add($"Fetch:UserAgent: '{options.UserAgent}' does not start with a product token such as 'CrawlerBot/1.0', which robots.txt groups are matched against");
        }
        return failures.Count > 0 ? ValidateOptionsResult.Fail(failures) : ValidateOptionsResult.Success;
    }
}
