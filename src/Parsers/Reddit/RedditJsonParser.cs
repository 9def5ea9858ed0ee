using System.Text.Json;
using Crawler.Core.Domain;
using Crawler.Parsers.Text;

namespace Crawler.Parsers.Reddit;

/// <summary>
/// Reddit's JSON API: listings (<c>/r/NAME/new.json</c>, user overviews), comment pages
/// (<c>/comments/ID.json</c>: a post Listing and a comment Listing), and <c>/api/morechildren</c> answers.
/// </summary>
public sealed class RedditJsonParser : IPageParser
{
    public const string FormatName = "reddit-json";

    // Comment trees nest about five JSON levels per reply level; long reply chains go deep.
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 4096 };

    public string Name => FormatName;

    public string Site => RedditSite.Name;

    public ParsedPage Parse(ReadOnlyMemory<byte> content, Uri? pageUrl = null)
    {
        using (var document = JsonPage.Parse(content, DocumentOptions))
        {
            var root = document.RootElement;
            return root.ValueKind switch
            {
                JsonValueKind.Array => CommentsPage(root, pageUrl),
                JsonValueKind.Object when root.Prop("json") is { } json => MoreChildren(json, pageUrl),
                JsonValueKind.Object when root.Str("kind") == "Listing" => Listing(root, pageUrl),
                _ => throw new PageFormatException($"unexpected JSON root: {Describe(root)}"),
            };
        }
    }

    private static ParsedPage CommentsPage(JsonElement root, Uri? pageUrl)
    {
        if (root.GetArrayLength() < 2)
        {
            throw new PageFormatException($"a comments page is an array of two listings; this one has {root.GetArrayLength()} elements");
        }
        var post = ListingChildren(root[0]).FirstOrDefault();
        if (post.ValueKind != JsonValueKind.Object || post.Str("kind") != "t3")
        {
            throw new PageFormatException("the first listing of a comments page does not start with a t3 post");
        }
        var replies = new List<ParsedReply>();
        var more = new List<string>();
        Flatten(ListingChildren(root[1]), replies, more, pageUrl);
        return new ParsedPage([RedditThings.Thread(Data(post), replies, more, pageUrl)], null, []);
    }

    private static ParsedPage Listing(JsonElement listing, Uri? pageUrl)
    {
        var threads = new List<ParsedThread>();
        var replies = new List<ParsedReply>();
        foreach (var child in ListingChildren(listing))
        {
            switch (child.Str("kind"))
            {
                case "t3":
                    threads.Add(RedditThings.Thread(Data(child), [], [], pageUrl));
                    break;
                case "t1":
                    replies.Add(RedditThings.Reply(Data(child), pageUrl));
                    break;
                default:
                    throw new PageFormatException($"unexpected kind '{child.Str("kind")}' in a listing");
            }
        }
        return new ParsedPage(threads, Data(listing).Str("after"), replies);
    }

    private static ParsedPage MoreChildren(JsonElement json, Uri? pageUrl)
    {
        var errors = json.Items("errors").Select(e => e.GetRawText()).ToList();
        if (errors.Count > 0)
        {
            throw new PageFormatException($"morechildren answered with errors: {string.Join("; ", errors)}");
        }
        var things = json.Prop("data")?.Items("things") ?? throw new PageFormatException("morechildren answer without data.things");
        var replies = new List<ParsedReply>();
        var more = new List<string>();
        Flatten(things, replies, more, pageUrl);
        return new ParsedPage([], null, replies) { More = more };
    }

    /// <summary>Pre-order walk of a comment tree without recursion, so hostile nesting cannot overflow the stack.</summary>
    private static void Flatten(IEnumerable<JsonElement> top, List<ParsedReply> replies, List<string> more, Uri? pageUrl)
    {
        var stack = new Stack<JsonElement>(top.Reverse());
        while (stack.Count > 0)
        {
            var thing = stack.Pop();
            var data = Data(thing);
            switch (thing.Str("kind"))
            {
                case "t1":
                    replies.Add(RedditThings.Reply(data, pageUrl));
                    if (data.Prop("replies") is { ValueKind: JsonValueKind.Object } children)
                    {
                        foreach (var child in ListingChildren(children).Reverse())
                        {
                            stack.Push(child);
                        }
                    }
                    break;
                case "more":
                    // "Continue this thread" stubs carry no ids (count 0, id "_"); they are reached through their parent.
                    more.AddRange(data.Items("children").Where(c => c.ValueKind == JsonValueKind.String).Select(c => c.GetString()!));
                    break;
                default:
                    throw new PageFormatException($"unexpected kind '{thing.Str("kind")}' in a comment tree");
            }
        }
    }

    private static IEnumerable<JsonElement> ListingChildren(JsonElement listing)
    {
        if (listing.Str("kind") != "Listing")
        {
            throw new PageFormatException($"expected a Listing, found {Describe(listing)}");
        }
        return Data(listing).Items("children");
    }

    private static JsonElement Data(JsonElement thing) =>
        thing.Prop("data") is { ValueKind: JsonValueKind.Object } data
            ? data
            : throw new PageFormatException($"a '{thing.Str("kind")}' without a data object");

    private static string Describe(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object
            ? $"object with kind '{element.Str("kind") ?? "(none)"}'"
            : element.ValueKind.ToString().ToLowerInvariant();
}
