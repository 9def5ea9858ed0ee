namespace Crawler.Worker.Catalog.Migrations;

/// <summary>
/// The first catalog schema. Times are Unix milliseconds; every table has a natural key so writes are
/// upserts; JSON columns hold small ordered lists (image URLs, reply ids).
/// </summary>
internal static class M0001_Initial
{
    public static Migration Migration { get; } = new(1, "initial catalog", """
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL);

        CREATE TABLE work (
            stage TEXT NOT NULL,
            item_key TEXT NOT NULL,
            state TEXT NOT NULL,
            generation INTEGER NOT NULL DEFAULT 0,
            attempts INTEGER NOT NULL DEFAULT 0,
            sort_key TEXT NOT NULL DEFAULT '',
            not_before INTEGER NOT NULL,
            lease_owner TEXT,
            lease_until INTEGER,
            reason TEXT,
            updated_at INTEGER NOT NULL,
            PRIMARY KEY (stage, item_key));
        CREATE INDEX work_claim ON work (stage, state, not_before, sort_key);

        CREATE TABLE sources (
            name TEXT PRIMARY KEY,
            site TEXT NOT NULL,
            last_discovered INTEGER,
            reason TEXT);

        CREATE TABLE frontier (
            site TEXT NOT NULL,
            thread_id TEXT NOT NULL,
            source TEXT NOT NULL,
            community TEXT NOT NULL,
            url TEXT NOT NULL,
            first_seen INTEGER NOT NULL,
            last_fetched INTEGER,
            last_changed INTEGER,
            etag TEXT,
            last_modified TEXT,
            fetches INTEGER NOT NULL DEFAULT 0,
            status TEXT NOT NULL,
            reason TEXT,
            PRIMARY KEY (site, thread_id));

        CREATE TABLE raw_pages (
            site TEXT NOT NULL,
            thread_id TEXT NOT NULL,
            blob_sha256 TEXT NOT NULL,
            encoding TEXT NOT NULL,
            content_type TEXT,
            fetched_at INTEGER NOT NULL,
            PRIMARY KEY (site, thread_id));

        CREATE TABLE threads (
            site TEXT NOT NULL,
            thread_id TEXT NOT NULL,
            source TEXT NOT NULL,
            community TEXT NOT NULL,
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            author TEXT,
            created_utc INTEGER NOT NULL,
            flair TEXT,
            nsfw INTEGER NOT NULL,
            deleted INTEGER NOT NULL,
            url TEXT,
            images TEXT NOT NULL,
            more TEXT NOT NULL,
            parsed_at INTEGER NOT NULL,
            status TEXT NOT NULL,
            reason TEXT,
            PRIMARY KEY (site, thread_id));

        CREATE TABLE replies (
            site TEXT NOT NULL,
            reply_id TEXT NOT NULL,
            thread_id TEXT NOT NULL,
            parent_id TEXT,
            author TEXT,
            created_utc INTEGER NOT NULL,
            score INTEGER NOT NULL,
            body TEXT NOT NULL,
            deleted INTEGER NOT NULL,
            images TEXT NOT NULL,
            PRIMARY KEY (site, reply_id));
        CREATE INDEX replies_thread ON replies (site, thread_id);

        CREATE TABLE image_urls (
            url TEXT PRIMARY KEY,
            status TEXT NOT NULL,
            sha256 TEXT,
            reason TEXT,
            http_status INTEGER,
            etag TEXT,
            last_modified TEXT,
            fetched_at INTEGER);
        CREATE INDEX image_urls_sha ON image_urls (sha256);

        CREATE TABLE images (
            sha256 TEXT PRIMARY KEY,
            format TEXT NOT NULL,
            width INTEGER NOT NULL,
            height INTEGER NOT NULL,
            orientation INTEGER NOT NULL,
            frames INTEGER NOT NULL,
            bytes INTEGER NOT NULL,
            status TEXT NOT NULL,
            reason TEXT,
            created_at INTEGER NOT NULL);

        CREATE TABLE embeddings (
            sha256 TEXT NOT NULL,
            model TEXT NOT NULL,
            vector BLOB NOT NULL,
            created_at INTEGER NOT NULL,
            PRIMARY KEY (sha256, model));

        CREATE TABLE original_clusters (
            sha256 TEXT NOT NULL,
            model TEXT NOT NULL,
            cluster TEXT NOT NULL,
            similarity REAL NOT NULL,
            PRIMARY KEY (sha256, model));
        CREATE INDEX original_clusters_cluster ON original_clusters (model, cluster);

        CREATE TABLE pairs (
            pair_id TEXT PRIMARY KEY,
            site TEXT NOT NULL,
            thread_id TEXT NOT NULL,
            reply_id TEXT NOT NULL,
            image_index INTEGER NOT NULL,
            source_url TEXT NOT NULL,
            target_url TEXT NOT NULL,
            editor TEXT,
            score INTEGER NOT NULL,
            accepted INTEGER NOT NULL,
            rank INTEGER NOT NULL,
            request_text TEXT NOT NULL,
            editor_text TEXT NOT NULL,
            status TEXT NOT NULL,
            reason TEXT,
            similarity REAL,
            pixel_difference REAL,
            cluster TEXT,
            updated_at INTEGER NOT NULL);
        CREATE INDEX pairs_thread ON pairs (site, thread_id);
        CREATE INDEX pairs_status ON pairs (status);

        CREATE TABLE rewrites (
            pair_id TEXT PRIMARY KEY,
            inputs_hash TEXT NOT NULL,
            model TEXT NOT NULL,
            prompt_version TEXT NOT NULL,
            instruction TEXT NOT NULL,
            edit_type TEXT NOT NULL,
            status TEXT NOT NULL,
            reason TEXT,
            created_at INTEGER NOT NULL);

        CREATE TABLE reviews (
            pair_id TEXT PRIMARY KEY,
            verdict TEXT NOT NULL,
            reviewer TEXT,
            note TEXT,
            at INTEGER NOT NULL);

        CREATE TABLE deletions (
            site TEXT NOT NULL,
            kind TEXT NOT NULL,
            key TEXT NOT NULL,
            origin TEXT NOT NULL,
            at INTEGER NOT NULL,
            PRIMARY KEY (site, kind, key));

        CREATE TABLE snapshots (
            snapshot_id TEXT PRIMARY KEY,
            path TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            rows INTEGER NOT NULL,
            previous TEXT);

        CREATE TABLE exported_ids (
            pair_id TEXT PRIMARY KEY);
        """);
}
