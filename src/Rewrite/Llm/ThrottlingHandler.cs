using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Crawler.Rewrite.Llm;

/// <summary>
/// Our own resilience for the model endpoint (the SDK's retries are off): at most
/// <see cref="RewriteOptions.MaxConcurrency"/> requests in flight, starts paced to
/// <see cref="RewriteOptions.RequestsPerMinute"/>, each attempt bounded by <see cref="RewriteOptions.TimeoutSeconds"/>
/// (body included), and 429/5xx/timeouts retried after Retry-After or an exponential delay. All waiting
/// runs on the injected <see cref="TimeProvider"/>. When the retries are spent it throws
/// <see cref="LlmUnavailableException"/>; any other answer (200, 400, 401) is returned as it is.
/// </summary>
public sealed class ThrottlingHandler(RewriteOptions options, RequestPacer pacer, TimeProvider time, ILogger logger) : DelegatingHandler
{
    private readonly SemaphoreSlim _inFlight = new(options.MaxConcurrency, options.MaxConcurrency);
    private readonly TimeSpan _timeout = TimeSpan.FromSeconds(options.TimeoutSeconds);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
        {
            // Buffered once, so every attempt sends the same bytes.
            await request.Content.LoadIntoBufferAsync(cancellationToken);
        }
        for (var attempt = 1; ; attempt++)
        {
            var (response, failure, retryAfter) = await AttemptAsync(request, cancellationToken);
            if (response is not null)
            {
                return response;
            }
            if (attempt > options.MaxRetries)
            {
                throw new LlmUnavailableException(attempt == 1 ? failure! : $"{failure}, {attempt} attempts in a row");
            }
            var delay = retryAfter ?? TimeSpan.FromSeconds(options.RetryDelaySeconds * Math.Pow(2, attempt - 1));
            if (delay > TimeSpan.FromSeconds(options.MaxRetryAfterSeconds))
            {
                throw new LlmUnavailableException(
                    $"{failure}; the server asks to wait {delay.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s, more than Rewrite:MaxRetryAfterSeconds");
            }
            if (retryAfter is not null)
            {
                pacer.HoldUntil(time.GetUtcNow() + delay);
            }
            logger.LogWarning("Model endpoint: {Failure} on attempt {Attempt}; retrying in {Delay} s", failure, attempt, delay.TotalSeconds);
            await Task.Delay(delay, time, cancellationToken);
        }
    }

    /// <summary>One attempt: a response to return, or why it failed and how long the server asked us to wait.</summary>
    private async Task<(HttpResponseMessage? Response, string? Failure, TimeSpan? RetryAfter)> AttemptAsync(HttpRequestMessage request, CancellationToken ct)
    {
        await _inFlight.WaitAsync(ct);
        try
        {
            await pacer.WaitTurnAsync(ct);
            using var timeout = new CancellationTokenSource(_timeout, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
            try
            {
                var response = await base.SendAsync(request, linked.Token);
                if (!RetryAdvice.IsRetryable(response.StatusCode))
                {
                    return (await BufferedAsync(response, linked.Token), null, null);
                }
                using (response)
                {
                    return (null, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}", RetryAdvice.RetryAfter(response, time.GetUtcNow()));
                }
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                return (null, $"no answer within {options.TimeoutSeconds} s", null);
            }
            catch (HttpRequestException e)
            {
                return (null, $"connection failed: {e.Message}", null);
            }
        }
        finally
        {
            _inFlight.Release();
        }
    }

    /// <summary>Reads the whole body within the attempt's time, so a server that stalls mid-answer times out too.</summary>
    private static async Task<HttpResponseMessage> BufferedAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            await response.Content.LoadIntoBufferAsync(ct);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inFlight.Dispose();
        }
        base.Dispose(disposing);
    }
}
