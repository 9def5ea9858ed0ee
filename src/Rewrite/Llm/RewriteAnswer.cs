using System.Text.Json;
using System.Text.RegularExpressions;
using Crawler.Core.Text;

namespace Crawler.Rewrite.Llm;

/// <summary>
/// Reads a model's answer into a <see cref="RewriteResult"/>, or says exactly what is wrong with it so the
/// model can be asked again. Tolerates what servers wrap around JSON when not constrained: a reasoning
/// model's <c>&lt;think&gt;</c> block, markdown fences, a sentence before the object.
/// </summary>
public static partial class RewriteAnswer
{
    private const int MaxInstructionLength = 400;

    [GeneratedRegex(@"<think>.*?</think>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ThinkBlock();

    public static (RewriteResult? Result, string? Error) Parse(string? content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return (null, "the answer is empty");
        }
        var text = ThinkBlock().Replace(content, "");
        var start = text.IndexOf('{', StringComparison.Ordinal);
        var end = text.LastIndexOf('}');
        if (start < 0 || end < start)
        {
            return (null, "the answer holds no JSON object");
        }
        try
        {
            using var document = JsonText.Parse(text[start..(end + 1)]);
            return Validate(document.RootElement);
        }
        catch (JsonException e)
        {
            return (null, $"the answer is not valid JSON: {e.Message}");
        }
    }

    private static (RewriteResult?, string?) Validate(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, "the answer is not a JSON object");
        }
        var fields = new Dictionary<string, string>();
        foreach (var name in new[] { "instruction", "edit_type", "status", "reason" })
        {
            if (!root.TryGetProperty(name, out var value) || value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                return (null, $"\"{name}\" must be a string");
            }
            fields[name] = (value.GetString() ?? "").Trim();
        }
        var error = Check(fields["instruction"], fields["edit_type"], fields["status"]);
        return error is not null
            ? (null, error)
            : (new RewriteResult(fields["instruction"], fields["edit_type"], fields["status"], fields["reason"].Length > 0 ? fields["reason"] : null), null);
    }

    private static string? Check(string instruction, string editType, string status)
    {
        if (!EditTypes.All.Contains(editType))
        {
            return $"\"edit_type\" is \"{editType}\", not one of {string.Join(", ", EditTypes.All)}";
        }
        if (!RewriteStatus.All.Contains(status))
        {
            return $"\"status\" is \"{status}\", not one of {string.Join(", ", RewriteStatus.All)}";
        }
        if (status == RewriteStatus.Ok && instruction.Length == 0)
        {
            return "\"instruction\" is empty although \"status\" is ok";
        }
        return instruction.Length > MaxInstructionLength
            ? $"\"instruction\" has {instruction.Length} characters; keep it to one or two sentences"
            : null;
    }
}
