using System.Buffers.Binary;

namespace Telephony.Media.Rtcp;

/// <summary>Walks SDES chunks and their items without allocating; stops at the first malformed byte.</summary>
public ref struct RtcpSdesItemEnumerator
{
    private readonly ReadOnlySpan<byte> _body;
    private int _chunksLeft;
    private int _offset;
    private bool _inChunk;

    internal RtcpSdesItemEnumerator(ReadOnlySpan<byte> body, int chunks)
    {
        _body = body;
        _chunksLeft = chunks;
        _offset = 0;
        _inChunk = false;
        Ssrc = 0;
        ItemType = RtcpSdesItemType.End;
        Value = [];
    }

    /// <summary>The source of the current item.</summary>
    public uint Ssrc { get; private set; }

    /// <summary>The current item's type.</summary>
    public RtcpSdesItemType ItemType { get; private set; }

    /// <summary>The current item's value.</summary>
    public ReadOnlySpan<byte> Value { get; private set; }

    /// <summary>Lets the enumerator be used in <c>foreach</c>-like loops.</summary>
    public readonly RtcpSdesItemEnumerator GetEnumerator() => this;

    /// <summary>The current enumerator, for <c>foreach</c>.</summary>
    public readonly RtcpSdesItemEnumerator Current => this;

    /// <summary>Moves to the next item; false when no items are left.</summary>
    public bool MoveNext()
    {
        while (true)
        {
            if (!_inChunk)
            {
                if (_chunksLeft == 0 || _offset + 4 > _body.Length)
                {
                    return false;
                }

                Ssrc = BinaryPrimitives.ReadUInt32BigEndian(_body[_offset..]);
                _offset += 4;
                _chunksLeft--;
                _inChunk = true;
            }

            if (_offset >= _body.Length)
            {
                return false;
            }

            var type = _body[_offset];
            if (type == (byte)RtcpSdesItemType.End)
            {
                // The list ends with a zero octet and the chunk is padded to the next 32-bit boundary.
                _offset = (_offset + 4) & ~3;
                _inChunk = false;
                continue;
            }

            if (_offset + 2 > _body.Length || _offset + 2 + _body[_offset + 1] > _body.Length)
            {
                return false;
            }

            ItemType = (RtcpSdesItemType)type;
            Value = _body.Slice(_offset + 2, _body[_offset + 1]);
            _offset += 2 + Value.Length;
            return true;
        }
    }
}
