namespace Crawler.Worker.Hosting;

/// <summary>Global Dapper settings, applied once: snake_case columns map to PascalCase properties.</summary>
internal static class DapperSetup
{
    private static int _done;

    public static void Apply()
    {
        if (Interlocked.Exchange(ref _done, 1) == 0)
        {
            Dapper.DefaultTypeMap.MatchNamesWithUnderscores = true;
        }
    }
}
