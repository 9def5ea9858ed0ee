using Crawler.Core.Domain;
using Crawler.Rewrite;
using Dapper;

namespace Crawler.Worker.Catalog.Stores;

/// <summary>Rewritten instructions per pair, and the cache of model answers they are copied from.</summary>
public sealed class RewriteStore(ICatalogDb db, TimeProvider time)
{
    /// <summary>Stores the pair's rewrite and, in the same transaction, caches the answer under its inputs, model and prompt.</summary>
    public async Task PutAsync(RewriteRow row, CancellationToken ct)
    {
        var now = time.Now();
        await using var connection = await db.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync("""
            INSERT INTO rewrite_cache (inputs_hash, model, prompt_version, instruction, edit_type, status, reason, created_at)
            VALUES (@InputsHash, @Model, @PromptVersion, @Instruction, @EditType, @Status, @Reason, @now)
            ON CONFLICT (inputs_hash, model, prompt_version) DO NOTHING
            """, Parameters(row, now), transaction);
        await UpsertAsync(connection, transaction, row, now);
        await transaction.CommitAsync(ct);
    }

    /// <summary>A cached answer for these inputs from this model and prompt, as a row for <paramref name="pairId"/>.</summary>
    public async Task<RewriteRow?> CachedAsync(string pairId, string inputsHash, string model, string promptVersion, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<RewriteRow>("""
            SELECT @pairId AS pair_id, inputs_hash, model, prompt_version, instruction, edit_type, status, reason
            FROM rewrite_cache WHERE inputs_hash = @inputsHash AND model = @model AND prompt_version = @promptVersion
            """, new { pairId, inputsHash, model, promptVersion });
    }

    /// <summary>Copies a cached answer onto the pair.</summary>
    public async Task PutFromCacheAsync(RewriteRow row, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await UpsertAsync(connection, null, row, time.Now());
    }

    /// <summary>
    /// Records that the pipeline gave up on the pair's call. An earlier ok instruction is kept (from an older
    /// model or prompt, still true to the photos); otherwise the row says failed with the reason. Never cached.
    /// </summary>
    public async Task RecordGiveUpAsync(string pairId, string model, string promptVersion, string reason, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync("""
            INSERT INTO rewrites (pair_id, inputs_hash, model, prompt_version, instruction, edit_type, status, reason, created_at)
            VALUES (@pairId, '', @model, @promptVersion, '', @other, @failed, @reason, @now)
            ON CONFLICT (pair_id) DO UPDATE SET inputs_hash = '', model = excluded.model, prompt_version = excluded.prompt_version,
                instruction = '', edit_type = excluded.edit_type, status = excluded.status, reason = excluded.reason, created_at = excluded.created_at
            WHERE rewrites.status <> 'ok'
            """, new { pairId, model, promptVersion, other = EditTypes.Other, failed = RewriteStatus.Failed, reason, now = time.Now() });
    }

    /// <summary>
    /// Accepted pairs whose rewrite is missing, was given up on, or came from another model or prompt version:
    /// what a changed configuration or a restart after an outage should rewrite.
    /// </summary>
    /// <param name="kind">Only pairs of this kind, each kind having its own rewriter.</param>
    public async Task<IReadOnlyList<string>> StalePairsAsync(string model, string promptVersion, CancellationToken ct, PairKind kind = PairKind.Request)
    {
        await using var connection = await db.OpenAsync(ct);
        var ids = await connection.QueryAsync<string>("""
            SELECT p.pair_id FROM pairs p LEFT JOIN rewrites r ON r.pair_id = p.pair_id
            WHERE p.status = 'accepted' AND p.kind = @kind
              AND (r.pair_id IS NULL OR r.inputs_hash = '' OR r.model <> @model OR r.prompt_version <> @promptVersion)
            ORDER BY p.pair_id
            """, new { model, promptVersion, kind = kind.Name() });
        return ids.ToList();
    }

    public async Task<RewriteRow?> GetAsync(string pairId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<RewriteRow>("SELECT * FROM rewrites WHERE pair_id = @pairId", new { pairId });
    }

    private static Task<int> UpsertAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction, RewriteRow row, long now) =>
        connection.ExecuteAsync("""
            INSERT INTO rewrites (pair_id, inputs_hash, model, prompt_version, instruction, edit_type, status, reason, created_at)
            VALUES (@PairId, @InputsHash, @Model, @PromptVersion, @Instruction, @EditType, @Status, @Reason, @now)
            ON CONFLICT (pair_id) DO UPDATE SET inputs_hash = excluded.inputs_hash, model = excluded.model,
                prompt_version = excluded.prompt_version, instruction = excluded.instruction, edit_type = excluded.edit_type,
                status = excluded.status, reason = excluded.reason, created_at = excluded.created_at
            """, Parameters(row, now), transaction);

    private static object Parameters(RewriteRow row, long now) =>
        new { row.PairId, row.InputsHash, row.Model, row.PromptVersion, row.Instruction, row.EditType, row.Status, row.Reason, now };
}
