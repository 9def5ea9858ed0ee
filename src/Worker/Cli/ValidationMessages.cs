using System.Reflection;

namespace Crawler.Worker.Cli;

/// <summary>Prefixes a validation failure with its configuration section, unless it already names its setting.</summary>
internal static class ValidationMessages
{
    public static string Describe(Type optionsType, string failure)
    {
        var section = optionsType.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as string;
        return section is null || failure.StartsWith(section + ":", StringComparison.Ordinal) ? failure : $"{section}: {failure}";
    }
}
