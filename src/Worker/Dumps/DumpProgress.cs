namespace Crawler.Worker.Dumps;

/// <summary>How far an import has read: bytes of the file on disk, and the running counts.</summary>
public sealed record DumpProgress(string File, long Position, long Length, DumpImportResult Result);
