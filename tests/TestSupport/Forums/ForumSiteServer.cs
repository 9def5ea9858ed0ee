using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Crawler.TestSupport.Forums;

/// <summary>
/// A XenForo 2.3-like forum on 127.0.0.1 under <c>/forum/</c>, generated from <see cref="ForumSiteOptions"/> and
/// the same every time: board listings (newest activity first, 20 a page), threads (20 posts a page; a bare
/// <c>/threads/{id}/</c> or a wrong slug answers 301 to the canonical URL), attachments with thumbnails,
/// embedded edits, avatars, signatures and an ad, all real JPEGs (<see cref="ForumPhotos"/>), drawn on first
/// request. Each thread: the request with its photo attached; editors' replies, every third one an edit of
/// the photo (attached, or embedded as <c>img.bbImage</c>); the requester's "Thank you, perfect!" quoting the
/// first edit; chatter. Markup: <see cref="ForumMarkup"/>.
/// </summary>
public sealed partial class ForumSiteServer : IAsyncDisposable
{
    private static readonly string[] Editors = ["pixelPusher", "CloneStampCarla", "layer_lady", "MagicWand42", "dodge_and_burn", "heal_it_hank"];
    private static readonly string[] BoardNames = ["Photoshop Requests", "Photo Restoration", "Retouching", "Free Requests"];
    private static readonly string[] Things = ["the red car", "the photobomber", "the power lines", "the trash can", "my ex", "the glare"];

    private readonly LoopbackServer _server;
    private readonly ForumSiteOptions _options;
    private readonly List<ForumBoard> _boards = [];
    private readonly List<ForumThread> _threads = [];
    private readonly Dictionary<string, int> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<int, (int Seed, int Edit)> _attachments = [];
    private readonly ConcurrentDictionary<string, byte[]> _images = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly Lock _gate = new();
    private int _nextPostId = 20001;
    private int _nextAttachmentId = 501;

    private ForumSiteServer(LoopbackServer server, ForumSiteOptions options)
    {
        _server = server;
        _options = options;
        Generate();
    }

    /// <summary>The forum's root, <c>http://127.0.0.1:port/forum/</c>.</summary>
    public Uri BaseUrl => new(_server.BaseUrl, "forum/");

    public IReadOnlyList<ForumBoard> Boards => _boards;

    /// <summary>The threads as they stand (replies added included); read them while no reply is being added.</summary>
    public IReadOnlyList<ForumThread> Threads => _threads;

    /// <summary>Every request's path and query, in arrival order.</summary>
    public IReadOnlyList<string> Requests => [.. _requests];

    public static async Task<ForumSiteServer> StartAsync(ForumSiteOptions? options = null)
    {
        ForumSiteServer? self = null;
        var server = await LoopbackServer.StartAsync(app => app.Map("/{**path}", (HttpContext c) => self!.AnswerAsync(c)));
        self = new ForumSiteServer(server, options ?? new ForumSiteOptions());
        return self;
    }

    public IEnumerable<int> ThreadIds(int boardId) => _threads.Where(t => t.BoardId == boardId).Select(t => t.Id);

    public Uri BoardUrl(int boardId) => new(BaseUrl, $"forums/{Board(boardId).Slug}.{boardId}/");

    public Uri ThreadUrl(int threadId) => new(BaseUrl, Thread(threadId).Path);

    /// <summary>Requests whose path starts with <paramref name="pathPrefix"/> (e.g. <c>/forum/threads/</c>).</summary>
    public int Count(string pathPrefix) => _requests.Count(r => r.StartsWith(pathPrefix, StringComparison.Ordinal));

    /// <summary>
    /// Adds a reply a minute after the newest post on the whole forum (so later than any, as a reply written now
    /// is), which moves the thread to the top of its listing, as a bump does. With an image, the reply is a new edit embedded as <c>img.bbImage</c>. Returns the post id.
    /// </summary>
    public int AddReply(int threadId, string author, bool withImage)
    {
        lock (_gate)
        {
            var thread = Thread(threadId);
            var number = thread.Posts.Count + 1;
            var post = new ForumPost(_nextPostId++, number, author, _threads.Max(t => t.LastPostUtc) + 60, withImage ? "Late to the party, here's mine :)" : "Bump, any takers?",
                Embedded: withImage ? EditPath(thread, number) : null);
            thread.Posts.Add(post);
            return post.Id;
        }
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private void Generate()
    {
        for (var b = 0; b < _options.Boards; b++)
        {
            var name = BoardNames[b % BoardNames.Length] + (b >= BoardNames.Length ? $" {(b / BoardNames.Length) + 1}" : "");
            _boards.Add(new ForumBoard(b + 2, Slugify(name), name));
        }
        var index = 0;
        foreach (var board in _boards)
        {
            for (var i = 0; i < _options.ThreadsPerBoard; i++, index++)
            {
                var id = 1001 + index;
                var thing = Things[index % Things.Length];
                var title = $"Please remove {thing} from my photo #{id}";
                var thread = new ForumThread(id, board.Id, Slugify(title), title, photoSeed: 7919 * id);
                var start = _options.FirstPostUtc.ToUnixTimeSeconds() + (index * 3 * 3600L);
                for (var n = 1; n <= _options.PostsPerThread; n++)
                {
                    thread.Posts.Add(Generated(thread, n, start + ((n - 1) * 1200L), thing));
                }
                _threads.Add(thread);
            }
        }
    }

    private ForumPost Generated(ForumThread thread, int n, long at, string thing)
    {
        var editor = Editors[(thread.Id + n) % Editors.Length];
        var images = _options.Images;
        return n switch
        {
            1 => new ForumPost(_nextPostId++, 1, $"requester_{thread.Id}", at, $"Hi all, could someone remove {thing} from this photo? Thanks in advance :)",
                Attachment: images ? Attach(thread.PhotoSeed, 0) : null),
            4 when thread.Posts.Count >= 2 => new ForumPost(_nextPostId++, n, thread.Requester, at, "Thank you, perfect! Exactly what I wanted.", QuotedPostId: thread.Posts[1].Id),
            _ when n % 3 == 2 && n % 2 == 0 => new ForumPost(_nextPostId++, n, editor, at, "Here's my attempt :)", Attachment: images ? Attach(thread.PhotoSeed, n) : null),
            _ when n % 3 == 2 => new ForumPost(_nextPostId++, n, editor, at, "Gave it a go, hope this helps", Embedded: images ? EditPath(thread, n) : null),
            _ => new ForumPost(_nextPostId++, n, editor, at, n % 2 == 0 ? "Nice work everyone :)" : "Following this one."),
        };
    }

    private int Attach(int seed, int edit)
    {
        var id = _nextAttachmentId++;
        _attachments[id] = (seed, edit);
        return id;
    }

    private static string EditPath(ForumThread thread, int number) => $"/forum/media/edit-{thread.Id}-{number}.jpg";

    private int UserId(string name)
    {
        lock (_users)
        {
            return _users.TryGetValue(name, out var id) ? id : _users[name] = 100 + _users.Count;
        }
    }

    private ForumBoard Board(int id) => _boards.Single(b => b.Id == id);

    private ForumThread Thread(int id) => _threads.Single(t => t.Id == id);

    private async Task AnswerAsync(HttpContext context)
    {
        var target = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        _requests.Enqueue(target);
        var path = context.Request.Path.Value ?? "/";
        var (status, contentType, body, location) = Route(path);
        context.Response.StatusCode = status;
        if (location is not null)
        {
            context.Response.Headers.Location = location;
        }
        if (body is not null)
        {
            context.Response.ContentType = contentType;
            await context.Response.Body.WriteAsync(body);
        }
    }

    private (int Status, string? ContentType, byte[]? Body, string? Location) Route(string path)
    {
        const string html = "text/html; charset=utf-8";
        if (path == "/robots.txt")
        {
            return (200, "text/plain", "User-agent: *\nAllow: /\n"u8.ToArray(), null);
        }
        lock (_gate)
        {
            if (ListingPath().Match(path) is { Success: true } listing && _boards.FirstOrDefault(b => b.Id == Number(listing, "id")) is { } board)
            {
                var threads = _threads.Where(t => t.BoardId == board.Id).OrderByDescending(t => t.LastPostUtc).ThenByDescending(t => t.Id).ToList();
                var (page, pages) = (Page(listing), Math.Max(1, (threads.Count + ForumSiteOptions.PageSize - 1) / ForumSiteOptions.PageSize));
                return page > pages ? (404, null, null, null)
                    : (200, html, Utf8(ForumMarkup.Listing(board, threads.Skip((page - 1) * ForumSiteOptions.PageSize).Take(ForumSiteOptions.PageSize).ToList(), page, pages, UserId)), null);
            }
            if (ThreadPath().Match(path) is { Success: true } match && _threads.FirstOrDefault(t => t.Id == Number(match, "id")) is { } thread)
            {
                var page = Page(match);
                if (match.Groups["slug"].Value != thread.Slug)
                {
                    // XenForo answers a bare id or an outdated slug with a permanent redirect to the canonical URL.
                    return (301, null, null, $"/forum/{thread.Path}" + (page > 1 ? $"page-{page}" : ""));
                }
                var pages = (thread.Posts.Count + ForumSiteOptions.PageSize - 1) / ForumSiteOptions.PageSize;
                return page > pages ? (404, null, null, null)
                    : (200, html, Utf8(ForumMarkup.Thread(thread, Board(thread.BoardId), page, pages, UserId, id => _threads.SelectMany(t => t.Posts).FirstOrDefault(p => p.Id == id))), null);
            }
        }
        return Image(path) is { } jpeg ? (200, "image/jpeg", jpeg, null) : (404, "text/html", "<html><body>Not found</body></html>"u8.ToArray(), null);
    }

    private byte[]? Image(string path)
    {
        if (_images.TryGetValue(path, out var cached))
        {
            return cached;
        }
        byte[]? drawn = null;
        if (AttachmentPath().Match(path) is { Success: true } a && _attachments.TryGetValue(Number(a, "id"), out var full))
        {
            drawn = ForumPhotos.Jpeg(full.Seed, full.Edit);
        }
        else if (ThumbnailPath().Match(path) is { Success: true } t && _attachments.TryGetValue(Number(t, "id"), out var small))
        {
            drawn = ForumPhotos.Thumbnail(ForumPhotos.Jpeg(small.Seed, small.Edit));
        }
        else if (EditImagePath().Match(path) is { Success: true } e && _threads.FirstOrDefault(x => x.Id == Number(e, "thread")) is { } thread)
        {
            drawn = ForumPhotos.Jpeg(thread.PhotoSeed, Number(e, "post"));
        }
        else if (UserImagePath().Match(path) is { Success: true } u)
        {
            // Avatars and signature banners: small, and unlike any request photo.
            drawn = ForumPhotos.Jpeg(-Number(u, "user"), width: u.Groups["kind"].Value == "signatures" ? 468 : 96, height: u.Groups["kind"].Value == "signatures" ? 60 : 96);
        }
        else if (path == "/forum/ads/banner.jpg")
        {
            drawn = ForumPhotos.Jpeg(-1, width: 468, height: 60);
        }
        return drawn is null ? null : _images.GetOrAdd(path, drawn);
    }

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    private static int Page(Match match) => match.Groups["page"].Success ? Number(match, "page") : 1;

    private static byte[] Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    private static string Slugify(string title) => SlugBreaks().Replace(title.ToLowerInvariant(), "-").Trim('-');

    [GeneratedRegex(@"^/forum/forums/[^/]*\.(?<id>[0-9]+)/(?:page-(?<page>[0-9]+))?$")]
    private static partial Regex ListingPath();

    [GeneratedRegex(@"^/forum/threads/(?:(?<slug>[^/]*)\.)?(?<id>[0-9]+)/(?:page-(?<page>[0-9]+))?$")]
    private static partial Regex ThreadPath();

    [GeneratedRegex(@"^/forum/attachments/[^/]*\.(?<id>[0-9]+)/$")]
    private static partial Regex AttachmentPath();

    [GeneratedRegex(@"^/forum/data/attachments/[0-9]+/(?<id>[0-9]+)-thumb\.jpg$")]
    private static partial Regex ThumbnailPath();

    [GeneratedRegex(@"^/forum/media/edit-(?<thread>[0-9]+)-(?<post>[0-9]+)\.jpg$")]
    private static partial Regex EditImagePath();

    [GeneratedRegex(@"^/forum/data/(?<kind>avatars/[a-z]/0|signatures)/(?<user>[0-9]+)\.jpg$")]
    private static partial Regex UserImagePath();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex SlugBreaks();
}
