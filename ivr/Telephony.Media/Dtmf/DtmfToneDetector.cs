namespace Telephony.Media.Dtmf;

/// <summary>
/// Detects in-band DTMF in 8 kHz linear audio with the Goertzel algorithm, for peers that send
/// tones in the audio instead of RFC 4733 events. Audio is analysed in 20 ms blocks (160 samples,
/// 50 Hz bins, the frequencies need not fall on a bin). A block holds a digit when:
/// <list type="bullet">
/// <item>the strongest row (697–941 Hz) and column (1209–1633 Hz) tones are both above a minimum level;</item>
/// <item>the twist is within limits: the column tone at most 8 dB weaker (normal twist) or 4 dB stronger
/// (reverse twist) than the row tone;</item>
/// <item>each is at least 8 dB above the other tones of its group;</item>
/// <item>together they carry at least 75% of the block's energy, which rejects speech and music whose
/// energy is spread over many harmonics.</item>
/// </list>
/// A digit is reported when two consecutive blocks agree (so tones of 60 ms or more are always
/// detected and tones shorter than 40 ms never are), and the detector must see two blocks without
/// it before it can report another. One instance per stream; never allocates after construction.
/// </summary>
public sealed class DtmfToneDetector
{
    /// <summary>Samples per analysis block (20 ms at 8 kHz).</summary>
    public const int BlockSize = 160;

    private const int SampleRate = 8000;
    private const int BlocksToConfirm = 2;
    private const int BlocksToRelease = 2;
    private const double MaxReverseTwist = 2.512;   // +4 dB
    private const double MaxNormalTwist = 0.1585;   // -8 dB
    private const double MinRelativeRatio = 6.31;   // 8 dB
    private const double MinEnergyFraction = 0.75;

    private static readonly double[] Frequencies = [697, 770, 852, 941, 1209, 1336, 1477, 1633];
    private static readonly double[] Coefficients = [.. Frequencies.Select(f => 2 * Math.Cos(2 * Math.PI * f / SampleRate))];
    private const string Keypad = "123A456B789C*0#D";

    private readonly double[] _s1 = new double[8];
    private readonly double[] _s2 = new double[8];
    private readonly double _minToneEnergy;
    private double _blockEnergy;
    private int _blockFill;
    private char _candidate;
    private int _candidateBlocks;
    private char _current;
    private int _absentBlocks;

    /// <summary>Creates a detector; tones quieter than <paramref name="minLevelDbm0"/> per frequency are ignored.</summary>
    public DtmfToneDetector(double minLevelDbm0 = -30)
    {
        var amplitude = Tones.ToneGenerator.AmplitudeFromDbm0(minLevelDbm0);

        // Energy of a block-long sine of that amplitude.
        _minToneEnergy = amplitude * amplitude / 2 * BlockSize;
    }

    /// <summary>
    /// Feeds audio; writes each newly detected digit to <paramref name="digits"/> (room for one per
    /// block is enough) and returns how many were written.
    /// </summary>
    public int Process(ReadOnlySpan<short> samples, Span<char> digits)
    {
        var found = 0;
        var s1 = _s1;
        var s2 = _s2;
        foreach (var sample in samples)
        {
            double x = sample;
            _blockEnergy += x * x;
            for (var f = 0; f < 8; f++)
            {
                var s = x + (Coefficients[f] * s1[f]) - s2[f];
                s2[f] = s1[f];
                s1[f] = s;
            }

            if (++_blockFill == BlockSize)
            {
                if (EndBlock() is var digit and not '\0')
                {
                    digits[found++] = digit;
                }
            }
        }

        return found;
    }

    /// <summary>Detects the digits in a whole recording (offline analysis and tests).</summary>
    public string Detect(ReadOnlySpan<short> samples)
    {
        var digits = new char[(samples.Length / BlockSize) + 1];
        return new string(digits, 0, Process(samples, digits));
    }

    /// <summary>Forgets partial blocks and the current digit.</summary>
    public void Reset()
    {
        Array.Clear(_s1);
        Array.Clear(_s2);
        _blockEnergy = 0;
        _blockFill = 0;
        _candidate = '\0';
        _candidateBlocks = 0;
        _current = '\0';
        _absentBlocks = 0;
    }

    private char EndBlock()
    {
        Span<double> energy = stackalloc double[8];
        for (var f = 0; f < 8; f++)
        {
            var power = (_s1[f] * _s1[f]) + (_s2[f] * _s2[f]) - (Coefficients[f] * _s1[f] * _s2[f]);

            // 2|X|²/N is the energy of a sine at that frequency over the block.
            energy[f] = 2 * power / BlockSize;
        }

        var blockDigit = Classify(energy, _blockEnergy);
        Array.Clear(_s1);
        Array.Clear(_s2);
        _blockEnergy = 0;
        _blockFill = 0;
        return Track(blockDigit);
    }

    private char Classify(ReadOnlySpan<double> energy, double blockEnergy)
    {
        var row = Strongest(energy[..4]);
        var column = Strongest(energy[4..]);
        var rowEnergy = energy[row];
        var columnEnergy = energy[4 + column];
        if (rowEnergy < _minToneEnergy || columnEnergy < _minToneEnergy)
        {
            return '\0';
        }

        if (columnEnergy > rowEnergy * MaxReverseTwist || columnEnergy < rowEnergy * MaxNormalTwist)
        {
            return '\0';
        }

        if (!StandsOut(energy[..4], row) || !StandsOut(energy[4..], column))
        {
            return '\0';
        }

        return rowEnergy + columnEnergy < MinEnergyFraction * blockEnergy ? '\0' : Keypad[(row * 4) + column];
    }

    private char Track(char blockDigit)
    {
        if (blockDigit != '\0' && blockDigit == _candidate)
        {
            _candidateBlocks++;
        }
        else
        {
            _candidate = blockDigit;
            _candidateBlocks = blockDigit == '\0' ? 0 : 1;
        }

        if (_current != '\0')
        {
            _absentBlocks = blockDigit == _current ? 0 : _absentBlocks + 1;
            if (_absentBlocks < BlocksToRelease)
            {
                return '\0';
            }

            _current = '\0';
        }

        if (_candidateBlocks >= BlocksToConfirm)
        {
            _current = _candidate;
            _absentBlocks = 0;
            return _current;
        }

        return '\0';
    }

    private static int Strongest(ReadOnlySpan<double> group)
    {
        var best = 0;
        for (var i = 1; i < group.Length; i++)
        {
            if (group[i] > group[best])
            {
                best = i;
            }
        }

        return best;
    }

    private static bool StandsOut(ReadOnlySpan<double> group, int best)
    {
        for (var i = 0; i < group.Length; i++)
        {
            if (i != best && group[best] < group[i] * MinRelativeRatio)
            {
                return false;
            }
        }

        return true;
    }
}
