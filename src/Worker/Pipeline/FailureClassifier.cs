using System.Net.Sockets;
using Microsoft.Data.Sqlite;

namespace Crawler.Worker.Pipeline;

/// <summary>Decides whether an unexpected exception is worth retrying, and words its reason.</summary>
public static class FailureClassifier
{
    public static StageOutcome Classify(Exception e) => e is Fetching.FetchException fetch ? StageOutcome.FromFetch(fetch) : IsTransient(e)
        ? StageOutcome.Transient($"{e.GetType().Name}: {e.Message}")
        : StageOutcome.Failed($"{e.GetType().Name}: {e.Message}");

    private static bool IsTransient(Exception e) => e switch
    {
        HttpRequestException or TimeoutException or SocketException or IOException => true,
        OperationCanceledException => true, // a timeout of our own, not shutdown
        SqliteException { SqliteErrorCode: 5 or 6 } => true, // SQLITE_BUSY / SQLITE_LOCKED
        _ => e.InnerException is { } inner && IsTransient(inner),
    };
}
