using System.Globalization;
using System.Text;
using static System.Net.WebUtility;

namespace Crawler.TestSupport.Forums;

/// <summary>
/// XenForo 2.3's markup for board listings and thread pages, trimmed to what a parser meets: the same classes,
/// attributes and nesting, the same traps (an ad posing as a post, signature images, smilies, avatars).
/// </summary>
internal static class ForumMarkup
{
    private const string Smilie = "<img src=\"data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7\" class=\"smilie smilie--sprite smilie--sprite1\" alt=\":)\" title=\"Smile    :)\" loading=\"lazy\" data-shortname=\":)\" />";

    public static string Listing(ForumBoard board, IReadOnlyList<ForumThread> threads, int page, int pages, Func<string, int> userId)
    {
        var html = Open($"{board.Title} | Photo Forum", $"/forum/forums/{board.Slug}.{board.Id}/" + (page > 1 ? $"page-{page}" : ""));
        html.Append($"<h1 class=\"p-title-value\">{HtmlEncode(board.Title)}</h1>\n<div class=\"structItemContainer\"><div class=\"structItemContainer-group js-threadList\">\n");
        foreach (var t in threads)
        {
            var last = t.Posts[^1];
            html.Append($"<div class=\"structItem structItem--thread js-inlineModContainer js-threadListItem-{t.Id}\" data-author=\"{HtmlEncode(t.Requester)}\">\n")
                .Append($"<div class=\"structItem-cell structItem-cell--icon\"><div class=\"structItem-iconContainer\">{Avatar(t.Requester, userId, "s")}</div></div>\n")
                .Append("<div class=\"structItem-cell structItem-cell--main\" data-xf-init=\"touch-proxy\">\n")
                .Append($"<div class=\"structItem-title\"><a href=\"/forum/{t.Path}\" data-tp-primary=\"on\" data-xf-init=\"preview-tooltip\" data-preview-url=\"/forum/{t.Path}preview\">{HtmlEncode(t.Title)}</a></div>\n")
                .Append($"<div class=\"structItem-minor\"><ul class=\"structItem-parts\"><li>{UserLink(t.Requester, userId)}</li>")
                .Append($"<li class=\"structItem-startDate\"><a href=\"/forum/{t.Path}\" rel=\"nofollow\">{Time(t.Posts[0].CreatedUtc)}</a></li></ul></div>\n</div>\n")
                .Append($"<div class=\"structItem-cell structItem-cell--meta\"><dl class=\"pairs pairs--justified\"><dt>Replies</dt><dd>{t.Posts.Count - 1}</dd></dl></div>\n")
                .Append($"<div class=\"structItem-cell structItem-cell--latest\"><a href=\"/forum/{t.Path}latest\" rel=\"nofollow\">{Time(last.CreatedUtc, "structItem-latestDate u-dt")}</a>")
                .Append($"<div class=\"structItem-minor\">{UserLink(last.Author, userId)}</div></div>\n</div>\n");
        }
        html.Append("</div></div>\n");
        return Close(html.Append(PageNav($"/forum/forums/{board.Slug}.{board.Id}/", page, pages)));
    }

    public static string Thread(ForumThread thread, ForumBoard board, int page, int pages, Func<string, int> userId, Func<int, ForumPost?> post)
    {
        var html = Open($"{thread.Title} | Photo Forum", $"/forum/{thread.Path}" + (page > 1 ? $"page-{page}" : ""));
        html.Append($"<ul class=\"p-breadcrumbs\"><li><a href=\"/forum/forums/{board.Slug}.{board.Id}/\"><span>{HtmlEncode(board.Title)}</span></a></li></ul>\n")
            .Append($"<h1 class=\"p-title-value\">{HtmlEncode(thread.Title)}</h1>\n<div class=\"block-body js-replyNewMessageContainer\">\n");
        var posts = thread.Posts.Skip((page - 1) * ForumSiteOptions.PageSize).Take(ForumSiteOptions.PageSize).ToList();
        for (var i = 0; i < posts.Count; i++)
        {
            html.Append(Post(thread, posts[i], userId, post));
            if (i == 0)
            {
                html.Append(Ad());
            }
        }
        html.Append("</div>\n");
        return Close(html.Append(PageNav($"/forum/{thread.Path}", page, pages)));
    }

    private static string Post(ForumThread thread, ForumPost p, Func<string, int> userId, Func<int, ForumPost?> find)
    {
        var body = new StringBuilder();
        if (p.QuotedPostId is { } quotedId && find(quotedId) is { } quoted)
        {
            body.Append($"<blockquote data-attributes=\"member: {userId(quoted.Author)}\" data-quote=\"{HtmlEncode(quoted.Author)}\" data-source=\"post: {quoted.Id}\" class=\"bbCodeBlock bbCodeBlock--expandable bbCodeBlock--quote js-expandWatch\">")
                .Append($"<div class=\"bbCodeBlock-title\"><a href=\"/forum/goto/post?id={quoted.Id}\" class=\"bbCodeBlock-sourceJump\" rel=\"nofollow\">{HtmlEncode(quoted.Author)} said:</a></div>")
                .Append($"<div class=\"bbCodeBlock-content\"><div class=\"bbCodeBlock-expandContent js-expandContent\">{HtmlEncode(quoted.Text)}</div></div></blockquote>");
        }
        body.Append(HtmlEncode(p.Text).Replace(":)", Smilie, StringComparison.Ordinal));
        if (p.Embedded is { } src)
        {
            body.Append($"<br />\n<img src=\"{src}\" data-url=\"{src}\" class=\"bbImage\" loading=\"lazy\" alt=\"{HtmlEncode(System.IO.Path.GetFileName(src))}\" title=\"{HtmlEncode(System.IO.Path.GetFileName(src))}\" style=\"\" width=\"\" height=\"\" />");
        }
        var html = new StringBuilder()
            .Append($"<article class=\"message message--post js-post js-inlineModContainer\" data-author=\"{HtmlEncode(p.Author)}\" data-content=\"post-{p.Id}\" id=\"js-post-{p.Id}\">\n")
            .Append($"<span class=\"u-anchorTarget\" id=\"post-{p.Id}\"></span>\n<div class=\"message-inner\">\n")
            .Append($"<div class=\"message-cell message-cell--user\"><section class=\"message-user\"><div class=\"message-avatar\"><div class=\"message-avatar-wrapper\">{Avatar(p.Author, userId, "m")}</div></div>")
            .Append($"<div class=\"message-userDetails\"><h4 class=\"message-name\">{UserLink(p.Author, userId)}</h4></div></section></div>\n")
            .Append("<div class=\"message-cell message-cell--main\"><div class=\"message-main js-quickEditTarget\">\n")
            .Append($"<header class=\"message-attribution message-attribution--split\"><ul class=\"message-attribution-main listInline\"><li class=\"u-concealed\"><a href=\"/forum/{thread.Path}post-{p.Id}\" rel=\"nofollow\">{Time(p.CreatedUtc)}</a></li></ul>")
            .Append($"<ul class=\"message-attribution-opposite message-attribution-opposite--list\"><li><a href=\"/forum/{thread.Path}post-{p.Id}\" rel=\"nofollow\">#{p.Number}</a></li></ul></header>\n")
            .Append($"<div class=\"message-content js-messageContent\"><div class=\"message-userContent lbContainer js-lbContainer\" data-lb-id=\"post-{p.Id}\">\n")
            .Append($"<article class=\"message-body js-selectToQuote\"><div class=\"bbWrapper\">{body}</div><div class=\"js-selectToQuoteEnd\">&nbsp;</div></article>\n");
        if (p.Attachment is { } attachment)
        {
            var name = $"{(p.Number == 1 ? "photo" : "edit")}-{thread.Id}-{p.Number}";
            html.Append("<section class=\"message-attachments\"><h4 class=\"block-textHeader\">Attachments</h4><ul class=\"attachmentList\">\n")
                .Append($"<li class=\"file file--linked\"><a class=\"u-anchorTarget\" id=\"attachment-{attachment}\"></a><a class=\"file-preview js-lbImage\" href=\"/forum/attachments/{name}-jpg.{attachment}/\" target=\"_blank\">")
                .Append($"<img src=\"/forum/data/attachments/{attachment / 1000}/{attachment}-thumb.jpg\" alt=\"{name}.jpg\" width=\"250\" height=\"188\" loading=\"lazy\" /></a>")
                .Append($"<div class=\"file-content\"><div class=\"file-info\"><span class=\"file-name\" title=\"{name}.jpg\">{name}.jpg</span><div class=\"file-meta\">96.4 KB · Views: 12</div></div></div></li>\n</ul></section>\n");
        }
        html.Append("</div>\n");
        if (p.Author != thread.Requester)
        {
            // Editors sign their posts with a banner of their own: an image in the post that is no edit.
            html.Append($"<aside class=\"message-signature\"><div class=\"bbWrapper\">Portfolio below {Smilie}<br /><img src=\"/forum/data/signatures/{userId(p.Author)}.jpg\" data-url=\"/forum/data/signatures/{userId(p.Author)}.jpg\" class=\"bbImage\" loading=\"lazy\" alt=\"sig\" /></div></aside>\n");
        }
        return html.Append("</div>\n<footer class=\"message-footer\"><div class=\"message-actionBar actionBar\"></div></footer>\n</div></div>\n</div>\n</article>\n").ToString();
    }

    /// <summary>XenForo ad slots between posts reuse the post's classes but carry no author and no post id.</summary>
    private static string Ad() =>
        "<article class=\"message message--post\"><div class=\"message-inner\"><div class=\"message-cell message-cell--main\"><div class=\"bbWrapper\">Sponsored: try our retouching app!<br /><img src=\"/forum/ads/banner.jpg\" data-url=\"/forum/ads/banner.jpg\" class=\"bbImage\" alt=\"ad\" /></div></div></div></article>\n";

    private static string Avatar(string user, Func<string, int> userId, string size) =>
        $"<a href=\"/forum/members/{HtmlEncode(user.ToLowerInvariant())}.{userId(user)}/\" class=\"avatar avatar--{size}\" data-user-id=\"{userId(user)}\"><img src=\"/forum/data/avatars/{size}/0/{userId(user)}.jpg\" alt=\"{HtmlEncode(user)}\" class=\"avatar-u{userId(user)}-{size}\" width=\"96\" height=\"96\" loading=\"lazy\" /></a>";

    private static string UserLink(string user, Func<string, int> userId) =>
        $"<a href=\"/forum/members/{HtmlEncode(user.ToLowerInvariant())}.{userId(user)}/\" class=\"username\" dir=\"auto\" data-user-id=\"{userId(user)}\">{HtmlEncode(user)}</a>";

    private static string Time(long unix, string classes = "u-dt")
    {
        var at = DateTimeOffset.FromUnixTimeSeconds(unix);
        return $"<time class=\"{classes}\" dir=\"auto\" datetime=\"{at.ToString("yyyy-MM-dd'T'HH:mm:ss+0000", CultureInfo.InvariantCulture)}\" data-timestamp=\"{unix}\" data-date=\"{at.ToString("MMM d, yyyy", CultureInfo.InvariantCulture)}\" data-time=\"{at.ToString("h:mm tt", CultureInfo.InvariantCulture)}\" title=\"{at.ToString("MMM d, yyyy 'at' h:mm tt", CultureInfo.InvariantCulture)}\">{at.ToString("MMM d, yyyy", CultureInfo.InvariantCulture)}</time>";
    }

    private static string PageNav(string first, int page, int pages)
    {
        if (pages <= 1)
        {
            return "";
        }
        string Url(int n) => n == 1 ? first : $"{first}page-{n}";
        var nav = new StringBuilder("<div class=\"block-outer\"><nav class=\"pageNavWrapper pageNavWrapper--mixed\"><div class=\"pageNav\">\n");
        if (page > 1)
        {
            nav.Append($"<a href=\"{Url(page - 1)}\" class=\"pageNav-jump pageNav-jump--prev\">Prev</a>\n");
        }
        nav.Append("<ul class=\"pageNav-main\">");
        for (var n = 1; n <= pages; n++)
        {
            nav.Append($"<li class=\"pageNav-page{(n == page ? " pageNav-page--current" : "")}\"><a href=\"{Url(n)}\">{n}</a></li>");
        }
        nav.Append("</ul>\n");
        if (page < pages)
        {
            nav.Append($"<a href=\"{Url(page + 1)}\" class=\"pageNav-jump pageNav-jump--next\">Next</a>\n");
        }
        return nav.Append("</div></nav></div>\n").ToString();
    }

    private static StringBuilder Open(string title, string canonical) =>
        new StringBuilder("<!DOCTYPE html>\n<html id=\"XF\" lang=\"en-US\" dir=\"LTR\" data-app=\"public\" data-template=\"forum_view\">\n<head><meta charset=\"utf-8\" />\n")
            .Append($"<title>{HtmlEncode(title)}</title>\n<link rel=\"canonical\" href=\"{canonical}\" />\n</head>\n<body data-template=\"forum_view\">\n<div class=\"p-pageWrapper\" id=\"top\"><div class=\"p-body\"><div class=\"p-body-inner\">\n");

    private static string Close(StringBuilder html) => html.Append("</div></div></div>\n</body>\n</html>\n").ToString();
}
