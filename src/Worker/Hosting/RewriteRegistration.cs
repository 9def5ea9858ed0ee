using Crawler.Rewrite;
using Crawler.Rewrite.Llm;
using Crawler.Rewrite.Rules;
using Crawler.Worker.Pipeline.Stages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Hosting;

/// <summary>The rewriters: the model behind <c>Rewrite:Endpoint</c> when one is set (a prompt for requests, one for battles), the rules rewriter otherwise.</summary>
internal static class RewriteRegistration
{
    public static string PromptDirectory => Path.Combine(CrawlerConfiguration.ConfigDirectory, "prompts");

    public static IServiceCollection AddInstructionRewriter(this IServiceCollection services)
    {
        services.AddValidated<RewriteOptions>(RewriteOptions.Section);
        services.AddSingleton<IValidateOptions<RewriteOptions>>(new RewriteOptionsValidator(PromptDirectory));
        services.AddSingleton<RewriteImages>();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<RewriteOptions>>().Value;
            if (!options.UsesEndpoint)
            {
                return new InstructionRewriters(new RulesRewriter(), new NeedsModelRewriter());
            }
            // Connections are recycled so a DNS change of the endpoint is picked up in a long run.
            var network = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
            return ChatRewriterBuilder.BuildBoth(options, sp.GetRequiredService<TimeProvider>(), PromptFile.Load(PromptDirectory, options.PromptVersion),
                PromptFile.Load(PromptDirectory, options.BattlePromptVersion), Environment.GetEnvironmentVariable(options.ApiKeyVariable), network,
                sp.GetRequiredService<ILogger<ChatRewriter>>());
        });
        // The request rewriter is the one a snapshot's manifest names.
        services.AddSingleton(sp => sp.GetRequiredService<InstructionRewriters>().Requests);
        return services;
    }
}
