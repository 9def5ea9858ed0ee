using System.Reflection;
using System.Text.RegularExpressions;

namespace Crawler.Worker.Cli;

/// <summary>Names the setting a validation failure is about by its configuration path, e.g. <c>Export:Keep</c>.</summary>
internal static partial class ValidationMessages
{
    // What ValidateDataAnnotations says; a member path such as 'Items[0].Name' is left as it is.
    [GeneratedRegex(@"^DataAnnotation validation failed for '[^']+' members: '(?<member>\w+)' with the error: '(?<error>.*)'\.$", RegexOptions.Singleline)]
    private static partial Regex DataAnnotationFailure();

    public static string Describe(Type optionsType, string failure)
    {
        var section = optionsType.GetField("Section", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as string;
        if (section is null || failure.StartsWith(section + ":", StringComparison.Ordinal))
        {
            return failure;
        }
        return DataAnnotationFailure().Match(failure) is { Success: true } match
            ? $"{section}:{match.Groups["member"].Value}: {match.Groups["error"].Value}"
            : $"{section}: {failure}";
    }
}
