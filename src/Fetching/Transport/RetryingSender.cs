using Crawler.Fetching.Politeness;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Crawler.Fetching.Transport;

/// <summary>
/// Retries one exchange on 408, 425, 429, 5xx (but 501 and 505) and transient errors, with jittered
/// exponential backoff or the server's Retry-After. Every attempt goes through <see cref="PoliteSender"/>,
/// so a retry waits for its host's turn like any other request. Only GET and HEAD are repeated.
/// </summary>
public sealed class RetryingSender
{
    private readonly PoliteSender _sender;
    private readonly ResiliencePipeline<ExchangeResult> _pipeline;
    private readonly TimeProvider _time;
    private readonly TimeSpan _maxWait;

    public RetryingSender(PoliteSender sender, IOptions<FetchOptions> fetch, IOptions<PolitenessOptions> politeness, TimeProvider time)
    {
        _sender = sender;
        _time = time;
        _maxWait = TimeSpan.FromSeconds(politeness.Value.MaxWaitSeconds);
        var settings = fetch.Value;
        _pipeline = new ResiliencePipelineBuilder<ExchangeResult> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<ExchangeResult>
            {
                MaxRetryAttempts = Math.Max(1, settings.MaxRetries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(settings.RetryBaseDelayMilliseconds),
                MaxDelay = TimeSpan.FromSeconds(settings.RetryMaxDelaySeconds),
                ShouldHandle = args => ValueTask.FromResult(settings.MaxRetries > 0 && ShouldRetry(args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult(ServerAskedWait(args.Outcome)),
            })
            .Build();
    }

    public static bool RetryableStatus(int status) => status is 408 or 425 or 429 || (status >= 500 && status is not (501 or 505));

    public async Task<ExchangeResult> SendAsync(HttpExchange exchange, CancellationToken ct) =>
        exchange.Idempotent
            ? await _pipeline.ExecuteAsync(async token => await _sender.SendAsync(exchange, token), ct)
            : await _sender.SendAsync(exchange, ct);

    /// <summary>A server that asks for a longer wait than a request may take is not retried now; the pipeline retries later.</summary>
    private bool ShouldRetry(Outcome<ExchangeResult> outcome) => outcome switch
    {
        { Exception: FetchException { Transient: true } e } => e.RetryAfter is not { } wait || wait <= _maxWait,
        { Exception: null, Result: { } result } => RetryableStatus(result.Status) && (ServerAskedWait(outcome) is not { } wait || wait <= _maxWait),
        _ => false,
    };

    private TimeSpan? ServerAskedWait(Outcome<ExchangeResult> outcome) =>
        outcome.Result is { } result ? RetryAfter.Parse(result.Header("retry-after"), _time.GetUtcNow()) : null;
}
