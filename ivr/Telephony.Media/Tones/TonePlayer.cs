using Telephony.Media.Audio;

namespace Telephony.Media.Tones;

/// <summary>Plays a <see cref="ToneCadence"/> as 8 kHz frames; ends after the last step unless it repeats.</summary>
public sealed class TonePlayer : IPcmSource
{
    private readonly ToneCadence _cadence;
    private readonly ToneGenerator _generator = new(PcmFrame.SampleRate);
    private readonly double _amplitude;
    private readonly int[] _stepSamples;
    private int _step;
    private int _samplesLeftInStep;
    private bool _finished;

    /// <summary>Starts the cadence from its first step.</summary>
    public TonePlayer(ToneCadence cadence)
    {
        ArgumentNullException.ThrowIfNull(cadence);
        _cadence = cadence;
        _amplitude = ToneGenerator.AmplitudeFromDbm0(cadence.LevelDbm0);
        _stepSamples = [.. cadence.Steps.Select(step => Math.Max(1, (int)Math.Round(step.Duration.TotalSeconds * PcmFrame.SampleRate)))];
        EnterStep(0);
    }

    /// <inheritdoc />
    public int Read(Span<short> frame)
    {
        var written = 0;
        while (written < frame.Length && !_finished)
        {
            var count = Math.Min(frame.Length - written, _samplesLeftInStep);
            _generator.Generate(frame.Slice(written, count));
            written += count;
            _samplesLeftInStep -= count;
            if (_samplesLeftInStep == 0)
            {
                var next = _step + 1;
                if (next == _stepSamples.Length)
                {
                    _finished = !_cadence.Repeats;
                    next = 0;
                }

                if (!_finished)
                {
                    EnterStep(next);
                }
            }
        }

        return written;
    }

    private void EnterStep(int index)
    {
        _step = index;
        _samplesLeftInStep = _stepSamples[index];
        var step = _cadence.Steps[index];
        _generator.SetTone(step.Frequency1, step.Frequency2, step.IsSilence ? 0 : _amplitude);
    }
}
