using System.Security.Cryptography;
using Crawler.Core.Text;
using Crawler.Worker.Catalog.Stores;

namespace Crawler.Worker.Exporting;

/// <summary>
/// Replaces user names by salted hashes. The salt is made once per installation and kept in the catalog
/// (or given by <c>CRAWLER_USER_HASH_SALT</c>), so hashes are stable across snapshots but not across installations.
/// </summary>
public sealed class UserHasher(SettingsStore settings)
{
    public const string SaltVariable = "CRAWLER_USER_HASH_SALT";
    private const string SaltKey = "user_hash_salt";

    public async Task<Func<string?, string>> CreateAsync(CancellationToken ct)
    {
        var salt = Environment.GetEnvironmentVariable(SaltVariable) is { Length: > 0 } given
            ? given
            : await settings.GetOrCreateAsync(SaltKey, () => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)), ct);
        // Site user names are case-insensitive; a deleted account hashes to the empty string.
        return name => name is null ? "" : Sha256Hex.Of($"{salt}\n{name.ToLowerInvariant()}")[..32];
    }
}
