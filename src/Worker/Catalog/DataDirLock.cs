namespace Crawler.Worker.Catalog;

/// <summary>
/// Holds an exclusive lock on the data directory for the life of the process: an SQLite catalog has one
/// user, so leases left by a killed predecessor can be freed at start. The OS drops the lock if we die.
/// </summary>
public sealed class DataDirLock : IDisposable
{
    private readonly FileStream _lock;

    private DataDirLock(FileStream stream) => _lock = stream;

    public static DataDirLock Acquire(string dataDir)
    {
        var path = Path.Combine(dataDir, ".lock");
        try
        {
            return new DataDirLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException e)
        {
            throw new StartupException(
                $"Storage:DataDir '{Path.GetFullPath(dataDir)}' is in use by another crawler process ({e.Message}). " +
                "Stop it, or give this one its own --data-dir; several workers share one catalog only on PostgreSQL.", e);
        }
    }

    public void Dispose() => _lock.Dispose();
}
