namespace Crawler.Worker.Catalog.Stores;

/// <summary>The instruction written for a pair, and by what.</summary>
public sealed record RewriteRow
{
    public string PairId { get; init; } = "";
    public string InputsHash { get; init; } = "";
    public string Model { get; init; } = "";
    public string PromptVersion { get; init; } = "";
    public string Instruction { get; init; } = "";
    public string EditType { get; init; } = "";
    public string Status { get; init; } = "";
    public string? Reason { get; init; }
}
