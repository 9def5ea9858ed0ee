using Xunit.v3;

namespace Crawler.TestSupport;

/// <summary>
/// Marks a test that reads <see cref="SharedFixtures"/>. CI runs the marked tests a second time with the shared
/// folder hidden (<c>--filter-trait "Fixtures=Shared"</c>), where each must report itself skipped: a fresh clone
/// without ../shared must neither fail them nor pass them silently.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class SharedFixturesTraitAttribute : Attribute, ITraitAttribute
{
    public const string Name = "Fixtures";
    public const string Value = "Shared";

    public IReadOnlyCollection<KeyValuePair<string, string>> GetTraits() => [new(Name, Value)];
}
