using Cronos;

namespace Crawler.Worker.Jobs;

/// <summary>
/// Checks a schedule as Hangfire will read it when the job is registered: five fields, or six with seconds
/// first. Checked when settings are validated, so a typo stops start-up with the setting's name.
/// </summary>
public static class CronSchedule
{
    /// <returns>Why <paramref name="expression"/> is not a schedule Hangfire accepts; null when it is one.</returns>
    public static string? Problem(string expression)
    {
        var fields = expression.Split(' ', '\t', StringSplitOptions.RemoveEmptyEntries).Length;
        if (fields is not (5 or 6))
        {
            return $"'{expression}' is not a cron expression: it needs 5 fields (minute hour day month weekday, e.g. '0 */6 * * *') or 6 with seconds first, not {fields}";
        }
        try
        {
            CronExpression.Parse(expression, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
            return null;
        }
        catch (CronFormatException e)
        {
            return $"'{expression}' is not a cron expression: {e.Message}";
        }
    }
}
