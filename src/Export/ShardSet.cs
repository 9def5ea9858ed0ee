namespace Crawler.Export;

/// <summary>
/// Routes rows to per-split shards, buffering one row group at a time and starting a new shard once the
/// current one holds about <see cref="SnapshotSettings.ShardBytes"/> of images. Shards are renamed to
/// <c>split-00000-of-000NN.parquet</c> once the count is known.
/// </summary>
internal sealed class ShardSet(string folder, SnapshotSettings settings) : IAsyncDisposable
{
    private readonly Dictionary<string, SplitShards> _splits = new(StringComparer.Ordinal);

    public async Task AddAsync(ExportRow row, string split, CancellationToken ct)
    {
        if (!_splits.TryGetValue(split, out var shards))
        {
            _splits[split] = shards = new SplitShards(folder, split);
        }
        shards.Buffer.Add(new SplitRow(row, split));
        shards.BufferedBytes += row.Source.Cleaned.Bytes.Length + row.Target.Cleaned.Bytes.Length;
        if (shards.Buffer.Count >= settings.RowGroupRows)
        {
            await FlushAsync(shards, ct);
        }
    }

    /// <summary>Writes what is buffered, closes every shard and gives each its final name.</summary>
    public async Task<IReadOnlyList<ShardFile>> CompleteAsync(CancellationToken ct)
    {
        if (_splits.Count == 0)
        {
            // An empty snapshot still gets one (row-less) train file, so readers globbing data/*.parquet find the schema.
            _splits[SplitAssigner.Train] = new SplitShards(folder, SplitAssigner.Train);
            await _splits[SplitAssigner.Train].OpenNextAsync(ct);
        }
        var files = new List<ShardFile>();
        foreach (var shards in _splits.Values.OrderBy(s => s.Split, StringComparer.Ordinal))
        {
            await FlushAsync(shards, ct);
            await shards.CloseCurrentAsync();
            files.AddRange(shards.RenameToFinalNames());
        }
        return files;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var shards in _splits.Values)
        {
            await shards.DisposeAsync();
        }
    }

    private async Task FlushAsync(SplitShards shards, CancellationToken ct)
    {
        if (shards.Buffer.Count == 0)
        {
            return;
        }
        if (shards.Current is not null && shards.CurrentBytes + shards.BufferedBytes > settings.ShardBytes && shards.CurrentRows > 0)
        {
            await shards.CloseCurrentAsync();
        }
        if (shards.Current is null)
        {
            await shards.OpenNextAsync(ct);
        }
        await shards.Current!.WriteRowGroupAsync(shards.Buffer, ct);
        shards.CurrentBytes += shards.BufferedBytes;
        shards.CurrentRows += shards.Buffer.Count;
        shards.Buffer.Clear();
        shards.BufferedBytes = 0;
    }

    private sealed class SplitShards(string folder, string split) : IAsyncDisposable
    {
        private readonly List<ShardFile> _closed = [];

        public string Split => split;
        public List<SplitRow> Buffer { get; } = [];
        public long BufferedBytes { get; set; }
        public ParquetShardWriter? Current { get; private set; }
        public long CurrentBytes { get; set; }
        public int CurrentRows { get; set; }

        public async Task OpenNextAsync(CancellationToken ct)
        {
            Current = await ParquetShardWriter.CreateAsync(PartialPath(_closed.Count), ct);
            CurrentBytes = 0;
            CurrentRows = 0;
        }

        public async Task CloseCurrentAsync()
        {
            if (Current is null)
            {
                return;
            }
            var (sha256, bytes) = await Current.CompleteAsync();
            await Current.DisposeAsync();
            _closed.Add(new ShardFile(PartialPath(_closed.Count), CurrentRows, sha256, bytes));
            Current = null;
        }

        public IEnumerable<ShardFile> RenameToFinalNames()
        {
            for (var i = 0; i < _closed.Count; i++)
            {
                var final = Path.Combine(folder, $"{split}-{i:D5}-of-{_closed.Count:D5}.parquet");
                File.Move(_closed[i].Path, final);
                yield return _closed[i] with { Path = final };
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (Current is not null)
            {
                await Current.DisposeAsync();
            }
        }

        private string PartialPath(int index) => Path.Combine(folder, $"{split}-{index:D5}.partial");
    }
}

/// <summary>A finished shard: where it is, its rows, and the SHA-256 and size computed while writing it.</summary>
internal sealed record ShardFile(string Path, int Rows, string Sha256, long Bytes);
