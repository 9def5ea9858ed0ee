namespace Crawler.Parsers;

/// <summary>Looks parsers up by their format name.</summary>
public sealed class ParserCatalog(IEnumerable<IPageParser> parsers)
{
    private readonly Dictionary<string, IPageParser> _byName =
        parsers.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<string> Names => _byName.Keys;

    public IPageParser Get(string name) =>
        _byName.TryGetValue(name, out var parser)
            ? parser
            : throw new KeyNotFoundException(
                $"No parser named '{name}'. Known: {string.Join(", ", _byName.Keys.Order())}.");
}
