using System.Buffers;

namespace Telephony.Sip.Tests.Parsing;

/// <summary>Builds multi-segment sequences, as a pipe hands over bytes that arrived in several reads.</summary>
internal sealed class BufferSegment : ReadOnlySequenceSegment<byte>
{
    private BufferSegment(ReadOnlyMemory<byte> memory, long runningIndex)
    {
        Memory = memory;
        RunningIndex = runningIndex;
    }

    public static ReadOnlySequence<byte> Sequence(params ReadOnlyMemory<byte>[] parts)
    {
        var first = new BufferSegment(parts[0], 0);
        var last = first;
        foreach (var part in parts.Skip(1))
        {
            var next = new BufferSegment(part, last.RunningIndex + last.Memory.Length);
            last.Next = next;
            last = next;
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }
}
