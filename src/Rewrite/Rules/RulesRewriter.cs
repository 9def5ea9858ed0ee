using System.Text.RegularExpressions;

namespace Crawler.Rewrite.Rules;

/// <summary>
/// The embedded default rewriter: deterministic rules, no model. It keeps the imperative core of the
/// request and drops greetings, thanks, money, user names, links and emoji.
/// </summary>
public sealed partial class RulesRewriter : IInstructionRewriter
{
    public const string ModelName = "rules";

    [GeneratedRegex(@"\b(combine|merge|composite|blend)\b.*\b(photos|pictures|pics|images|these|them|both)\b|\b(these|both|two|2)\s+(photos|pictures|pics|images)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MultipleInputs();

    public string Model => ModelName;

    public string PromptVersion => "rules-v1";

    public Task<RewriteResult> RewriteAsync(RewriteInput input, CancellationToken cancellationToken) =>
        Task.FromResult(Rewrite(input.RequestText));

    public static RewriteResult Rewrite(string request)
    {
        var clean = RequestCleaner.Clean(request);
        var sentences = SentenceFilter.Sentences(clean).Where(s => !SentenceFilter.IsNoise(s)).ToList();
        var instructions = sentences.Where(SentenceFilter.HasEditVerb).ToList();
        var chosen = (instructions.Count > 0 ? instructions : sentences.Take(1))
            .Select(SentenceFilter.WithoutTrailingNoise)
            .Select(ImperativeForm.From)
            .Where(s => s.Length > 1)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(2)
            .ToList();
        var instruction = string.Join(" ", chosen);
        if (instruction.Length == 0)
        {
            return new RewriteResult("", EditTypes.Other, RewriteStatus.NotAnEdit, "no request text left after removing greetings, thanks and money");
        }
        var editType = EditTypeClassifier.Classify(instruction);
        if (MultipleInputs().IsMatch(clean))
        {
            return new RewriteResult(instruction, editType, RewriteStatus.NeedsMultipleInputs, "the request combines several photos");
        }
        return instructions.Count > 0
            ? new RewriteResult(instruction, editType, RewriteStatus.Ok, null)
            : new RewriteResult(instruction, editType, RewriteStatus.Ambiguous, "no edit verb in the request");
    }
}
