using System.Globalization;

namespace Telephony.Data.Spooling;

/// <summary>
/// The spool's files on disk: <c>NNNNNNNNNNNN.jsonl</c> segments of one JSON document per line, each append fsync'd
/// before it counts, oldest first; and a <c>rejected</c> folder for rows the database refused outright.
/// Used by one loop at a time; not thread-safe.
/// </summary>
internal sealed class SpoolFiles : IDisposable
{
    private const string Extension = ".jsonl";
    private readonly string _directory;
    private readonly int _segmentRows;
    private readonly LinkedList<SpoolSegment> _segments = new();
    private FileStream? _open;
    private long _lastSequence;

    public SpoolFiles(string directory, int segmentRows)
    {
        _directory = directory;
        _segmentRows = segmentRows;
        Directory.CreateDirectory(directory);
        foreach (var path in Directory.EnumerateFiles(directory, "*" + Extension).Order(StringComparer.Ordinal))
        {
            if (long.TryParse(System.IO.Path.GetFileNameWithoutExtension(path), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
            {
                _segments.AddLast(new SpoolSegment(sequence, path, CountLines(path)));
                _lastSequence = Math.Max(_lastSequence, sequence);
            }
        }
    }

    public bool IsEmpty => _segments.Count == 0;

    public long Rows { get; private set; }

    public SpoolSegment? Oldest => _segments.First?.Value;

    /// <summary>Appends the lines (each without its newline) and fsyncs; when this returns they survive a crash.</summary>
    public void Append(IReadOnlyList<byte[]> lines)
    {
        if (_open is null || _segments.Last!.Value.Rows >= _segmentRows)
        {
            StartSegment();
        }

        try
        {
            foreach (var line in lines)
            {
                _open!.Write(line);
                _open.WriteByte((byte)'\n');
            }

            _open!.Flush(flushToDisk: true);
        }
        catch (IOException)
        {
            // A half-written line must not be glued to the next append: later rows start a file of their own, and
            // the reader drops the cut-off tail. Rows of this append that did reach the file are replayed (harmlessly).
            Seal();
            throw;
        }

        _segments.Last!.Value.Rows += lines.Count;
        Rows += lines.Count;
    }

    /// <summary>Stops appending to the current file so it can be replayed; later appends start a new one.</summary>
    public void Seal()
    {
        _open?.Dispose();
        _open = null;
    }

    /// <summary>The segment's lines; a last line cut short by a crash (no newline) is left out.</summary>
    public static List<byte[]> ReadLines(SpoolSegment segment)
    {
        var bytes = File.ReadAllBytes(segment.Path);
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                if (i > start)
                {
                    lines.Add(bytes[start..i]);
                }

                start = i + 1;
            }
        }

        return lines;
    }

    /// <summary>Deletes a fully written segment; only then are its rows no longer the spool's.</summary>
    public void Remove(SpoolSegment segment)
    {
        if (_segments.Last?.Value == segment)
        {
            Seal();
        }

        File.Delete(segment.Path);
        _segments.Remove(segment);
        Rows -= segment.Rows;
    }

    /// <summary>Keeps rows the database refused (bad data, missing table) in rejected/ for a person to look at.</summary>
    public string Reject(IReadOnlyList<byte[]> lines, DateTimeOffset at)
    {
        var folder = System.IO.Path.Combine(_directory, "rejected");
        Directory.CreateDirectory(folder);
        var path = System.IO.Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"{at:yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}{Extension}"));
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        foreach (var line in lines)
        {
            stream.Write(line);
            stream.WriteByte((byte)'\n');
        }

        stream.Flush(flushToDisk: true);
        return path;
    }

    public void Dispose() => Seal();

    private void StartSegment()
    {
        Seal();
        _lastSequence++;
        var path = System.IO.Path.Combine(_directory, _lastSequence.ToString("D12", CultureInfo.InvariantCulture) + Extension);
        _open = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        _segments.AddLast(new SpoolSegment(_lastSequence, path, 0));
    }

    private int CountLines(string path)
    {
        var count = ReadLines(new SpoolSegment(0, path, 0)).Count;
        Rows += count;
        return count;
    }
}
