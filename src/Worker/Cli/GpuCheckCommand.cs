using System.CommandLine;
using Crawler.Dedup.Embedding;

namespace Crawler.Worker.Cli;

/// <summary>
/// <c>gpu-check [--cuda-library PATH] [--device N]</c>: runs the built-in model on CUDA and compares it with
/// the CPU. Exit 0 when CUDA works, 1 when it does not (the reason on one line). The service runs this in a
/// child process before loading a provider library, since a mismatched library can crash its loader.
/// </summary>
internal static class GpuCheckCommand
{
    public static Command Create()
    {
        var library = new Option<FileInfo?>("--cuda-library") { Description = "A CUDA provider library to load with ONNX Runtime's plugin API; without it, the CUDA provider built into ONNX Runtime (GPU package)." };
        var device = new Option<int>("--device") { Description = "Which GPU.", DefaultValueFactory = _ => 0 };
        var command = new Command("gpu-check", "Check that embeddings run on CUDA and match the CPU's.") { library, device };
        command.SetAction(async (result, ct) =>
        {
            var request = new ProviderRequest(ExecutionProviders.Cuda, result.GetValue(library)?.FullName, result.GetValue(device));
            try
            {
                await Console.Out.WriteLineAsync(ProviderCheck.Run(request));
                await Console.Out.WriteLineAsync($"devices: {ProviderCheck.Devices()}");
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
