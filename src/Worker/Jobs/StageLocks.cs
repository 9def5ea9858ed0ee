using Hangfire;
using Hangfire.Storage;

namespace Crawler.Worker.Jobs;

/// <summary>
/// One lock per stage (and one for the export), held in Hangfire's storage so it holds for every worker that
/// shares it: one run of a stage at a time, any number of stages at once. A run that finds its stage busy does
/// not wait for it.
/// </summary>
public sealed class StageLocks(JobStorage storage)
{
    /// <returns>The held lock, to dispose when the run ends; null when another run holds it.</returns>
    public IDisposable? TryEnter(string name)
    {
        var connection = storage.GetConnection();
        try
        {
            return new Held(connection.AcquireDistributedLock($"crawler:{name}", TimeSpan.Zero), connection);
        }
        catch (DistributedLockTimeoutException)
        {
            connection.Dispose();
            return null;
        }
    }

    private sealed class Held(IDisposable @lock, IStorageConnection connection) : IDisposable
    {
        public void Dispose()
        {
            @lock.Dispose();
            connection.Dispose();
        }
    }
}
