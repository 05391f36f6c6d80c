namespace Telephony.Sip.Parsing;

/// <summary>A slice of a parsed span; <see cref="Start"/> is -1 when the part is absent.</summary>
internal readonly record struct Segment(int Start, int Length)
{
    public static readonly Segment Absent = new(-1, 0);

    public bool IsPresent => Start >= 0;

    public ReadOnlySpan<byte> Of(ReadOnlySpan<byte> source) => IsPresent ? source.Slice(Start, Length) : default;
}
