using Crawler.Core.Text;

namespace Crawler.Worker.Blobs;

/// <summary>
/// Content-addressed files under the data directory: a blob's path is derived from its SHA-256 only, so
/// no user input ever reaches a file name, and storing the same bytes twice costs nothing.
/// </summary>
public sealed class BlobStore(string root)
{
    public string Root => root;

    /// <summary>Stores the bytes (atomically: temp file, then rename) and returns their SHA-256.</summary>
    public async Task<string> PutAsync(byte[] bytes, CancellationToken ct)
    {
        var sha = Sha256Hex.Of(bytes);
        var path = PathOf(sha);
        if (File.Exists(path))
        {
            return sha;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllBytesAsync(temp, bytes, ct);
        File.Move(temp, path, overwrite: true);
        return sha;
    }

    /// <exception cref="FileNotFoundException">No blob has that hash (never stored, or purged).</exception>
    public Task<byte[]> GetAsync(string sha256, CancellationToken ct) => File.ReadAllBytesAsync(PathOf(sha256), ct);

    /// <summary>For a synchronous decision that reads a blob only when it turns out to matter.</summary>
    public byte[] Get(string sha256) => File.ReadAllBytes(PathOf(sha256));

    public bool Exists(string sha256) => File.Exists(PathOf(sha256));

    public void Delete(string sha256) => File.Delete(PathOf(sha256));

    private string PathOf(string sha256)
    {
        if (!Sha256Hex.IsValid(sha256))
        {
            throw new ArgumentException($"Not a SHA-256: '{sha256}'", nameof(sha256));
        }
        return Path.Combine(root, sha256[..2], sha256[2..4], sha256);
    }
}
