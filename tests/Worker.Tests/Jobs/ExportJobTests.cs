using Crawler.Worker.Jobs;
using Crawler.Worker.Tests.Exporting;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Crawler.Worker.Tests.Jobs;

public sealed class ExportJobTests
{
    [Fact]
    public async Task Registrar_SchedulesTheExportOnTheConfiguredCron_AndTheJobPublishesASnapshot()
    {
        using var fixture = await ExportFixture.CreateAsync(new Dictionary<string, string?> { ["Export:Cron"] = "17 3 * * *" }, s => s.AddCrawlerJobs());
        var id = await fixture.AddPairAsync("abc123", "def456");
        var registrar = fixture.Services.GetServices<IHostedService>().OfType<RecurringJobsRegistrar>().Single();

        await registrar.StartAsync(CancellationToken.None);

        using var connection = fixture.Services.GetRequiredService<JobStorage>().GetConnection();
        var export = connection.GetRecurringJobs().Single(j => j.Id == "export");
        Assert.Equal("17 3 * * *", export.Cron);
        Assert.Equal(nameof(ExportJob.RunAsync), export.Job.Method.Name);
        var summary = await fixture.Services.GetRequiredService<ExportJob>().RunAsync(CancellationToken.None);
        Assert.Equal("20261123T080000Z: 1 rows", summary);
        Assert.Equal([id], ExportFixture.Rows(Path.Combine(fixture.DataDir, "snapshots", "latest"), "id").Select(r => (string)r["id"]!));
    }
}
