using System.Text.Encodings.Web;
using System.Text.Json;
using Crawler.Core.Domain;

namespace Crawler.Worker.Cli;

/// <summary>The <c>parse</c> verb's output format: snake_case fields, replies flattened and linked by <c>parent_id</c>.</summary>
internal static class ParsedPageJson
{
    public static void Write(ParsedPage page, Stream output)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteStartArray("threads");
        foreach (var thread in page.Threads)
        {
            WriteThread(json, thread);
        }
        json.WriteEndArray();
        if (page.Next is not null)
        {
            json.WriteString("next", page.Next);
        }
        if (page.Replies.Count > 0 || page.Threads.Count == 0)
        {
            json.WriteStartArray("replies");
            foreach (var reply in page.Replies)
            {
                WriteReply(json, reply, withLinkId: true);
            }
            json.WriteEndArray();
        }
        if (page.More.Count > 0)
        {
            WriteStrings(json, "more", page.More);
        }
        json.WriteEndObject();
    }

    private static void WriteThread(Utf8JsonWriter json, ParsedThread thread)
    {
        json.WriteStartObject();
        json.WriteString("id", thread.Id);
        json.WriteString("community", thread.Community);
        json.WriteString("title", thread.Title);
        json.WriteString("body", thread.Body);
        json.WriteString("author", thread.Author);
        json.WriteNumber("created_utc", thread.CreatedUtc);
        json.WriteString("flair", thread.Flair);
        json.WriteBoolean("nsfw", thread.Nsfw);
        json.WriteBoolean("deleted", thread.Deleted);
        WriteStrings(json, "images", thread.Images);
        json.WriteStartArray("replies");
        foreach (var reply in thread.Replies)
        {
            WriteReply(json, reply, withLinkId: false);
        }
        json.WriteEndArray();
        WriteStrings(json, "more", thread.More);
        json.WriteEndObject();
    }

    private static void WriteReply(Utf8JsonWriter json, ParsedReply reply, bool withLinkId)
    {
        json.WriteStartObject();
        json.WriteString("id", reply.Id);
        json.WriteString("parent_id", reply.ParentId);
        if (withLinkId)
        {
            json.WriteString("link_id", reply.LinkId);
        }
        json.WriteString("author", reply.Author);
        json.WriteNumber("created_utc", reply.CreatedUtc);
        json.WriteNumber("score", reply.Score);
        json.WriteString("body", reply.Body);
        json.WriteBoolean("deleted", reply.Deleted);
        WriteStrings(json, "images", reply.Images);
        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }
        json.WriteEndArray();
    }
}
