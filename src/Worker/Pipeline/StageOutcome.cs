namespace Crawler.Worker.Pipeline;

/// <summary>What became of one work item. Every outcome but <see cref="Done"/> carries the reason that is recorded.</summary>
public abstract record StageOutcome
{
    public static StageOutcome Done { get; } = new Completed();

    public static StageOutcome Failed(string reason) => new Permanent(reason);

    /// <param name="after">The least wait the other side asked for (a Retry-After); backoff may wait longer.</param>
    public static StageOutcome Transient(string reason, TimeSpan? after = null) => new Retry(reason, after);

    /// <summary>A failed download: retried later when the failure may pass, honouring the server's Retry-After.</summary>
    public static StageOutcome FromFetch(Fetching.FetchException e) => e.Transient ? Transient(e.Message, e.RetryAfter) : Failed(e.Message);

    public static StageOutcome Defer(TimeSpan delay, string reason) => new Waiting(delay, reason);

    public sealed record Completed : StageOutcome;

    /// <summary>Will not succeed by trying again (404, not an image, malformed page).</summary>
    public sealed record Permanent(string Reason) : StageOutcome;

    /// <summary>May succeed later (429, 503, timeout); retried with backoff up to the attempt limit.</summary>
    public sealed record Retry(string Reason, TimeSpan? After = null) : StageOutcome;

    /// <summary>Waits for another stage's work; not counted as an attempt.</summary>
    public sealed record Waiting(TimeSpan Delay, string Reason) : StageOutcome;
}
