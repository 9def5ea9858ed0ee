using Dapper;

namespace Crawler.Worker.Catalog.Stores;

/// <summary>Rewritten instructions per pair.</summary>
public sealed class RewriteStore(ICatalogDb db, TimeProvider time)
{
    public async Task PutAsync(RewriteRow row, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync("""
            INSERT INTO rewrites (pair_id, inputs_hash, model, prompt_version, instruction, edit_type, status, reason, created_at)
            VALUES (@PairId, @InputsHash, @Model, @PromptVersion, @Instruction, @EditType, @Status, @Reason, @now)
            ON CONFLICT (pair_id) DO UPDATE SET inputs_hash = excluded.inputs_hash, model = excluded.model,
                prompt_version = excluded.prompt_version, instruction = excluded.instruction, edit_type = excluded.edit_type,
                status = excluded.status, reason = excluded.reason, created_at = excluded.created_at
            """, new { row.PairId, row.InputsHash, row.Model, row.PromptVersion, row.Instruction, row.EditType, row.Status, row.Reason, now = time.Now() });
    }

    public async Task<RewriteRow?> GetAsync(string pairId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<RewriteRow>("SELECT * FROM rewrites WHERE pair_id = @pairId", new { pairId });
    }
}
