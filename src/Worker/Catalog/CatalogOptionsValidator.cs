using Microsoft.Extensions.Options;

namespace Crawler.Worker.Catalog;

/// <summary>Rejects unknown catalog providers, and the ones this build cannot run yet, by name.</summary>
public sealed class CatalogOptionsValidator : IValidateOptions<CatalogOptions>
{
    public ValidateOptionsResult Validate(string? name, CatalogOptions options) => options.Provider switch
    {
        CatalogOptions.Sqlite => ValidateOptionsResult.Success,
        CatalogOptions.Postgres => ValidateOptionsResult.Fail(
            "Catalog:Provider 'postgres' is not available in this build yet; use 'sqlite'."),
        _ => ValidateOptionsResult.Fail(
            $"Catalog:Provider '{options.Provider}' is unknown; use '{CatalogOptions.Sqlite}' or '{CatalogOptions.Postgres}'."),
    };
}
