using System.CommandLine;
using Crawler.Dedup.Embedding;

namespace Crawler.Worker.Cli;

/// <summary>
/// <c>gpu-check [--device N]</c>: runs the built-in model on CUDA and compares it with the CPU. Exit 0 when
/// CUDA works, 1 when it does not (the reason on one line).
/// </summary>
internal static class GpuCheckCommand
{
    public static Command Create()
    {
        var device = new Option<int>("--device") { Description = "Which GPU.", DefaultValueFactory = _ => 0 };
        var command = new Command("gpu-check", "Check that embeddings run on CUDA and match the CPU's.") { device };
        command.SetAction(async (result, ct) =>
        {
            var request = new ProviderRequest(ExecutionProviders.Cuda, result.GetValue(device));
            try
            {
                await Console.Out.WriteLineAsync(ProviderCheck.Run(request));
                await Console.Out.WriteLineAsync($"providers in this ONNX Runtime: {ProviderCheck.Providers()}");
                return 0;
            }
            catch (ExecutionProviderException e)
            {
                await Console.Out.WriteLineAsync($"CUDA unavailable: {e.Message}");
                return 1;
            }
        });
        return command;
    }
}
