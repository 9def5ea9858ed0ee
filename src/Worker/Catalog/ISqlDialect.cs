namespace Crawler.Worker.Catalog;

/// <summary>The few statements that cannot be written once for every catalog provider.</summary>
public interface ISqlDialect
{
    /// <summary>
    /// Leases up to <c>@max</c> due pending items of <c>@stage</c> to <c>@owner</c> until <c>@until</c>,
    /// returning stage, item_key, generation, attempts and sort_key. PostgreSQL adds FOR UPDATE SKIP LOCKED.
    /// </summary>
    string ClaimWork { get; }

    /// <summary>Statements run once before migrations (journal mode and the like).</summary>
    string Prepare { get; }
}
