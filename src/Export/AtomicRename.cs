using System.ComponentModel;
using System.Runtime.InteropServices;

namespace Crawler.Export;

/// <summary>
/// rename(2): replaces a path atomically, even when it is a symbolic link to a folder, which
/// <see cref="File.Move(string, string, bool)"/> refuses (it looks through the link and finds no file).
/// </summary>
internal static partial class AtomicRename
{
    public static void Replace(string source, string destination)
    {
        if (Rename(source, destination) != 0)
        {
            throw new IOException($"rename {source} -> {destination} failed", new Win32Exception(Marshal.GetLastPInvokeError()));
        }
    }

    [LibraryImport("libc", EntryPoint = "rename", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Rename(string oldPath, string newPath);
}
