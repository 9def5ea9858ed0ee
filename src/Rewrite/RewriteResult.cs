namespace Crawler.Rewrite;

/// <summary>A rewritten instruction. Rows whose <see cref="Status"/> is not <see cref="RewriteStatus.Ok"/> stay in the catalog but are not exported.</summary>
public sealed record RewriteResult(string Instruction, string EditType, string Status, string? Reason);

/// <summary>The outcome labels of a rewrite.</summary>
public static class RewriteStatus
{
    public const string Ok = "ok";
    public const string NotAnEdit = "not_an_edit";
    public const string Ambiguous = "ambiguous";
    public const string NeedsMultipleInputs = "needs_multiple_inputs";

    /// <summary>Ours, never the model's: its answers failed validation twice, or the endpoint was given up on.</summary>
    public const string Failed = "failed";

    /// <summary>Ours, never the model's: the pair's instruction can only be described from its pixels and no model is configured.</summary>
    public const string NeedsModel = "needs_model";

    /// <summary>The labels a rewriter may give; the JSON schema's enum.</summary>
    public static IReadOnlyList<string> All { get; } = [Ok, NotAnEdit, Ambiguous, NeedsMultipleInputs];
}
