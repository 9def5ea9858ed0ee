using System.Text.Json;
using System.Text.Json.Nodes;

namespace Crawler.Rewrite.Llm;

/// <summary>The JSON schema every answer must meet, built from the fixed lists so the two never drift apart.</summary>
public static class RewriteSchema
{
    public const string Name = "instruction_rewrite";

    public static JsonElement Schema { get; } = JsonSerializer.SerializeToElement(new JsonObject
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["instruction"] = new JsonObject { ["type"] = "string" },
            ["edit_type"] = new JsonObject { ["type"] = "string", ["enum"] = Array(EditTypes.All) },
            ["status"] = new JsonObject { ["type"] = "string", ["enum"] = Array(RewriteStatus.All) },
            ["reason"] = new JsonObject { ["type"] = "string" },
        },
        ["required"] = Array(["instruction", "edit_type", "status", "reason"]),
        ["additionalProperties"] = false,
    });

    private static JsonArray Array(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
}
