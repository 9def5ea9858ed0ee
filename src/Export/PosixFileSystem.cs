using System.ComponentModel;
using System.Runtime.InteropServices;

namespace Crawler.Export;

/// <summary>
/// The two POSIX calls a crash-safe publish needs and .NET does not offer: rename(2), which replaces a
/// path atomically even when it is a symbolic link to a folder (<see cref="File.Move(string, string, bool)"/>
/// looks through the link and finds no file), and fsync(2) of a folder, which makes a rename durable.
/// </summary>
internal static partial class PosixFileSystem
{
    private const int ReadOnlyDirectory = 0x10000; // O_RDONLY | O_DIRECTORY on Linux

    public static void Replace(string source, string destination)
    {
        if (Rename(source, destination) != 0)
        {
            throw new IOException($"rename {source} -> {destination} failed", new Win32Exception(Marshal.GetLastPInvokeError()));
        }
    }

    /// <summary>Forces a folder's entries (new names, renames) to disk.</summary>
    public static void SyncDirectory(string path)
    {
        var fd = Open(path, ReadOnlyDirectory);
        if (fd < 0)
        {
            throw new IOException($"open {path} failed", new Win32Exception(Marshal.GetLastPInvokeError()));
        }
        try
        {
            if (Fsync(fd) != 0)
            {
                throw new IOException($"fsync {path} failed", new Win32Exception(Marshal.GetLastPInvokeError()));
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    /// <summary>Writes a small text file and forces it to disk before returning.</summary>
    public static async Task WriteDurablyAsync(string path, string text, CancellationToken ct)
    {
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        await file.WriteAsync(System.Text.Encoding.UTF8.GetBytes(text), ct);
        file.Flush(flushToDisk: true);
    }

    [LibraryImport("libc", EntryPoint = "rename", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Rename(string oldPath, string newPath);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
