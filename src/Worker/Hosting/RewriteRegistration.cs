using Crawler.Rewrite;
using Crawler.Rewrite.Llm;
using Crawler.Rewrite.Rules;
using Crawler.Worker.Pipeline.Stages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Crawler.Worker.Hosting;

/// <summary>The rewriter: the model behind <c>Rewrite:Endpoint</c> when one is set, the rules rewriter otherwise.</summary>
internal static class RewriteRegistration
{
    public static string PromptDirectory => Path.Combine(CrawlerConfiguration.ConfigDirectory, "prompts");

    public static IServiceCollection AddInstructionRewriter(this IServiceCollection services)
    {
        services.AddValidated<RewriteOptions>(RewriteOptions.Section);
        services.AddSingleton<IValidateOptions<RewriteOptions>>(new RewriteOptionsValidator(PromptDirectory));
        services.AddSingleton<RewriteImages>();
        services.AddSingleton<IInstructionRewriter>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<RewriteOptions>>().Value;
            if (!options.UsesEndpoint)
            {
                return new RulesRewriter();
            }
            // Connections are recycled so a DNS change of the endpoint is picked up in a long run.
            var network = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
            return ChatRewriterBuilder.Build(options, sp.GetRequiredService<TimeProvider>(), PromptFile.Load(PromptDirectory, options.PromptVersion),
                Environment.GetEnvironmentVariable(options.ApiKeyVariable), network, sp.GetRequiredService<ILogger<ChatRewriter>>());
        });
        return services;
    }
}
