namespace Crawler.Rewrite.Rules;

/// <summary>
/// The embedded default rewriter: deterministic rules, no model. It keeps the imperative core of the
/// request (title, body, clarifications), says each thing once, and drops greetings, thanks, money, user
/// names, links, emoji and backstory.
/// </summary>
public sealed class RulesRewriter : IInstructionRewriter
{
    public const string ModelName = "rules";

    private const int MaxSentences = 2;

    public string Model => ModelName;

    public string PromptVersion => "rules-v2";

    public bool SeesImages => false;

    public Task<RewriteResult> RewriteAsync(RewriteInput input, CancellationToken cancellationToken) =>
        Task.FromResult(Rewrite(input.Request));

    public static RewriteResult Rewrite(RequestParts request)
    {
        var sentences = request.Paragraphs
            .SelectMany((paragraph, i) => SentenceFilter.Sentences(RequestCleaner.Clean(paragraph))
                .Select(s => (Text: s, FromTitle: i == 0 && request.Title.Trim().Length > 0)))
            .Where(s => !SentenceFilter.IsNoise(s.Text))
            .ToList();
        if (sentences.Count == 0)
        {
            return Unusable(RewriteStatus.NotAnEdit, "no request text left after removing greetings, thanks and money");
        }
        var candidates = sentences
            .Select(s => (Text: ImperativeForm.From(SentenceFilter.WithoutTrailingNoise(s.Text)), s.FromTitle, Raw: s.Text))
            .Where(c => ImperativeForm.IsInstruction(c.Text))
            .ToList();
        var specific = candidates.Where(c => !RequestKinds.IsVague(c.Raw)).Select(c => (c.Text, c.FromTitle)).ToList();
        if (specific.Count == 0)
        {
            return candidates.Count > 0 || sentences.Any(s => RequestKinds.IsVague(s.Text)) ? Unusable(RewriteStatus.Ambiguous, "the request leaves the edit open")
                : sentences.Any(s => RequestKinds.IsQuestion(s.Text)) ? Unusable(RewriteStatus.NotAnEdit, "a question, not an edit request")
                : Unusable(RewriteStatus.Ambiguous, "no edit verb in the request");
        }
        var instruction = string.Join(" ", InstructionSet.Distinct(specific).Take(MaxSentences));
        var editType = EditTypeClassifier.Classify(instruction);
        return RequestKinds.NeedsMultipleInputs(string.Join("\n", request.Paragraphs))
            ? new RewriteResult(instruction, editType, RewriteStatus.NeedsMultipleInputs, "the request needs another photo besides the original")
            : new RewriteResult(instruction, editType, RewriteStatus.Ok, null);
    }

    private static RewriteResult Unusable(string status, string reason) => new("", EditTypes.Other, status, reason);
}
