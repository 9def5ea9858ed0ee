using System.CommandLine;
using Crawler.Worker.OptOuts;
using Microsoft.Extensions.DependencyInjection;

namespace Crawler.Worker.Cli;

/// <summary>
/// <c>optout --data-dir DIR --user NAME [--file NAMES]</c>: leaves users out of the catalog and every later
/// snapshot; prints what was purged. Lines of the file that are no user name are reported and skipped.
/// </summary>
internal static class OptOutCommand
{
    public static Command Create()
    {
        var dataDir = CliOptions.RequiredDataDir();
        var users = new Option<string[]>("--user") { Description = "User name to leave out; repeatable.", Arity = ArgumentArity.ZeroOrMore };
        var file = new Option<FileInfo?>("--file") { Description = "A file of user names, one a line." };
        var command = new Command("optout", "Leave users out: purge their threads, replies, pairs and images, and keep them out of later snapshots.")
        {
            dataDir, users, file,
        };
        command.SetAction(async (result, ct) =>
        {
            var path = result.GetValue(file)?.FullName;
            if (path is not null && InputFile.Problem(path) is { } problem)
            {
                await Console.Error.WriteLineAsync($"crawler optout: {problem}");
                return 1;
            }
            var (names, refused) = OptOutNames.Read(result.GetValue(users) ?? [], path is null ? [] : await File.ReadAllLinesAsync(path, ct));
            foreach (var reason in refused)
            {
                await Console.Error.WriteLineAsync($"crawler optout: skipped {reason}");
            }
            if (names.Count == 0)
            {
                await Console.Error.WriteLineAsync("crawler optout: give at least one user name with --user or --file");
                return 1;
            }
            using var host = await VerbHost.StartAsync(result.GetRequiredValue(dataDir), ct);
            var purged = await host.Services.GetRequiredService<UserOptOut>().ApplyAsync(names, ct);
            await Console.Out.WriteLineAsync(
                $"{names.Count} users opted out: {purged.Threads} threads, {purged.Replies} replies and {purged.Images} images purged; later snapshots leave them out");
            return 0;
        });
        return command;
    }
}
