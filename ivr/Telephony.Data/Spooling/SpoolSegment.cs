namespace Telephony.Data.Spooling;

/// <summary>One spool file: rows as JSON lines, numbered so files replay in the order they were written.</summary>
internal sealed class SpoolSegment(long sequence, string path, int rows)
{
    public long Sequence { get; } = sequence;

    public string Path { get; } = path;

    public int Rows { get; set; } = rows;
}
