using Telephony.Media.Audio;

namespace Telephony.Calls.MediaPlane;

/// <summary>Plays another source for at most a number of samples (a tone of a given length).</summary>
internal sealed class LimitedSource(IPcmSource inner, long samples) : IPcmSource
{
    private long _remaining = samples;

    public int Read(Span<short> frame)
    {
        if (_remaining <= 0)
        {
            return 0;
        }

        var wanted = (int)Math.Min(frame.Length, _remaining);
        var read = inner.Read(frame[..wanted]);
        _remaining = read < wanted ? 0 : _remaining - read;
        return read;
    }
}
