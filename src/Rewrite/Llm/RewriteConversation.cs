using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Crawler.Rewrite.Llm;

/// <summary>
/// The chat sent for one pair: the versioned system prompt, then one user message with the request's labelled
/// parts and the two images (original first). In JSON-in-text mode the schema is spelled out in the prompt.
/// </summary>
public sealed class RewriteConversation(PromptFile prompt, string responseMode)
{
    public List<ChatMessage> Start(RewriteInput input)
    {
        var system = responseMode == ResponseModes.JsonInText
            ? $"{prompt.Text}\n\nReply with only the JSON object, no markdown, matching this JSON schema:\n{JsonSerializer.Serialize(RewriteSchema.Schema)}"
            : prompt.Text;
        var parts = new List<AIContent> { new TextContent(Describe(input)) };
        AddImage(parts, "Original image:", input.Source);
        AddImage(parts, "Edited image:", input.Target);
        return [new ChatMessage(ChatRole.System, system), new ChatMessage(ChatRole.User, parts)];
    }

    /// <summary>Shows the model its invalid answer and what was wrong with it, for its one second chance.</summary>
    public static void AskAgain(List<ChatMessage> messages, string answer, string error)
    {
        messages.Add(new ChatMessage(ChatRole.Assistant, answer));
        messages.Add(new ChatMessage(ChatRole.User, $"That answer is invalid: {error}. Reply again with only the corrected JSON object."));
    }

    private static string Describe(RewriteInput input)
    {
        var text = new StringBuilder();
        Line(text, "Request title", input.Request.Title);
        Line(text, "Request body", input.Request.Body);
        foreach (var clarification in input.Request.Clarifications)
        {
            Line(text, "Requester's clarification", clarification);
        }
        Line(text, "Editor's reply", input.EditorText);
        return text.ToString().TrimEnd();
    }

    private static void Line(StringBuilder text, string label, string value)
    {
        if (value.Trim().Length > 0)
        {
            text.Append(label).Append(": ").AppendLine(value.Trim());
        }
    }

    private static void AddImage(List<AIContent> parts, string label, RewriteImage? image)
    {
        if (image is not null)
        {
            parts.Add(new TextContent(label));
            parts.Add(new DataContent(image.Bytes, image.MediaType));
        }
    }
}
