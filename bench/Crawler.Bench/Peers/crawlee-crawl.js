// The crawl benchmark's peer: Crawlee's HttpCrawler reading the same listing and thread pages as the service,
// parsing each page's JSON and storing the same fields (post, comments, image links) in its dataset.
// Usage: node crawlee-crawl.js BASE_URL COMMUNITY CONCURRENCY; prints one JSON line of counts and peak RSS.
const { HttpCrawler, Dataset, log } = require('@crawlee/http');

const [base, community, concurrencyArg] = process.argv.slice(2);
const concurrency = Number(concurrencyArg);
const listing = (after) => `${base}r/${community}/new.json?limit=100&raw_json=1${after ? `&after=${after}` : ''}`;
const imageLink = /https?:\/\/[^\s)\]]+\.(?:jpe?g|png|webp|gif)[^\s)\]]*/gi;

function comments(children, into) {
    for (const child of children) {
        if (child.kind !== 't1') continue;
        const c = child.data;
        const images = (c.body.match(imageLink) ?? []).concat(Object.values(c.media_metadata ?? {}).map((m) => m.s?.u).filter(Boolean));
        into.push({ id: c.id, parent_id: c.parent_id, author: c.author, body: c.body, score: c.score, created_utc: c.created_utc, images });
        if (c.replies && c.replies.data) comments(c.replies.data.children, into);
    }
    return into;
}

log.setLevel(log.LEVELS.WARNING);
let threads = 0;
const crawler = new HttpCrawler({
    minConcurrency: concurrency,
    maxConcurrency: concurrency,
    maxRequestRetries: 2,
    additionalMimeTypes: ['application/json'],
    async requestHandler({ request, body }) {
        const page = JSON.parse(body.toString());
        if (request.label === 'listing') {
            await crawler.addRequests(page.data.children.map((c) => ({
                url: `${base}comments/${c.data.id}.json?raw_json=1&limit=500`, label: 'thread',
            })));
            if (page.data.after) await crawler.addRequests([{ url: listing(page.data.after), label: 'listing' }]);
            return;
        }
        const post = page[0].data.children[0].data;
        await Dataset.pushData({
            id: post.id, community: post.subreddit, title: post.title, selftext: post.selftext, author: post.author,
            created_utc: post.created_utc, url: post.url, over_18: post.over_18, flair: post.link_flair_text,
            comments: comments(page[1].data.children, []),
        });
        threads++;
    },
});
crawler.run([{ url: listing(null), label: 'listing' }]).then((stats) => {
    console.log(JSON.stringify({ threads, requests: stats.requestsFinished, failed: stats.requestsFailed, maxRssKb: process.resourceUsage().maxRSS }));
});
