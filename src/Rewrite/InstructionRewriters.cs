using Crawler.Core.Domain;

namespace Crawler.Rewrite;

/// <summary>
/// The rewriter for each kind of pair: requests are rewritten from the requester's words, battle entries (no
/// request at all) are described from their two images, with a prompt of their own.
/// </summary>
public sealed record InstructionRewriters(IInstructionRewriter Requests, IInstructionRewriter Battles)
{
    public IInstructionRewriter For(PairKind kind) => kind == PairKind.Battle ? Battles : Requests;

    public IEnumerable<(PairKind Kind, IInstructionRewriter Rewriter)> ByKind => [(PairKind.Request, Requests), (PairKind.Battle, Battles)];
}
