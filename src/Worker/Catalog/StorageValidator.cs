using Microsoft.Extensions.Options;

namespace Crawler.Worker.Catalog;

/// <summary>Fails start-up when the data directory cannot be created or written, naming the setting.</summary>
public sealed class StorageValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        try
        {
            Directory.CreateDirectory(options.DataDir);
            var probe = Path.Combine(options.DataDir, $".write-probe-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return ValidateOptionsResult.Success;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ValidateOptionsResult.Fail($"Storage:DataDir '{Path.GetFullPath(options.DataDir)}' is not writable: {e.Message}");
        }
    }
}
