using Telephony.Media.Dtmf;
using Telephony.Media.Tones;
using Telephony.Media.Wav;

namespace Telephony.Media.Tests.Dtmf;

public sealed class DtmfToneDetectorTests
{
    private static readonly Dictionary<char, (double Row, double Column)> Pairs = new()
    {
        ['1'] = (697, 1209), ['2'] = (697, 1336), ['3'] = (697, 1477), ['A'] = (697, 1633),
        ['4'] = (770, 1209), ['5'] = (770, 1336), ['6'] = (770, 1477), ['B'] = (770, 1633),
        ['7'] = (852, 1209), ['8'] = (852, 1336), ['9'] = (852, 1477), ['C'] = (852, 1633),
        ['*'] = (941, 1209), ['0'] = (941, 1336), ['#'] = (941, 1477), ['D'] = (941, 1633),
    };

    /// <summary>Builds a digit sequence: tones of <paramref name="toneMs"/>, gaps of <paramref name="gapMs"/>, column level offset in dB.</summary>
    private static double[] DigitSignal(string digits, int toneMs, int gapMs, double rowDbm0 = -10, double columnOffsetDb = 0, int leadSamples = 37)
    {
        var samples = new List<double>(new double[leadSamples]);
        var rowAmplitude = ToneGenerator.AmplitudeFromDbm0(rowDbm0);
        var columnAmplitude = ToneGenerator.AmplitudeFromDbm0(rowDbm0 + columnOffsetDb);
        foreach (var digit in digits)
        {
            var (row, column) = Pairs[digit];
            for (var n = 0; n < toneMs * 8; n++)
            {
                samples.Add((rowAmplitude * Math.Sin(2 * Math.PI * row * n / 8000)) + (columnAmplitude * Math.Sin(2 * Math.PI * column * n / 8000)));
            }

            samples.AddRange(new double[gapMs * 8]);
        }

        return [.. samples];
    }

    /// <summary>Adds Gaussian white noise at the given SNR relative to the power of a tone pair at the row and column levels.</summary>
    private static short[] WithNoise(double[] signal, double snrDb, double rowDbm0 = -10, int seed = 7)
    {
        var amplitude = ToneGenerator.AmplitudeFromDbm0(rowDbm0);
        var signalPower = amplitude * amplitude;
        var sigma = Math.Sqrt(signalPower / Math.Pow(10, snrDb / 10));
        var random = new Random(seed);
        var result = new short[signal.Length];
        for (var i = 0; i < signal.Length; i++)
        {
            var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            result[i] = (short)Math.Clamp(Math.Round(signal[i] + (sigma * gaussian)), short.MinValue, short.MaxValue);
        }

        return result;
    }

    private static short[] Clean(double[] signal) => [.. signal.Select(s => (short)Math.Round(s))];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void All_sixteen_digits_are_detected_at_15_db_snr(int seed)
    {
        var audio = WithNoise(DigitSignal(DtmfDigits.All, toneMs: 80, gapMs: 60), snrDb: 15, seed: seed);
        Assert.Equal(DtmfDigits.All, new DtmfToneDetector().Detect(audio));
    }

    [Fact]
    public void Digits_are_detected_when_fed_in_20_ms_frames()
    {
        var audio = WithNoise(DigitSignal("159#", toneMs: 100, gapMs: 100), snrDb: 15);
        var detector = new DtmfToneDetector();
        var found = new List<char>();
        var digits = new char[4];
        for (var offset = 0; offset + 160 <= audio.Length; offset += 160)
        {
            var count = detector.Process(audio.AsSpan(offset, 160), digits);
            found.AddRange(digits[..count]);
        }

        Assert.Equal("159#", string.Concat(found));
    }

    [Fact]
    public void Same_digit_twice_with_a_gap_is_two_digits()
    {
        Assert.Equal("55", new DtmfToneDetector().Detect(Clean(DigitSignal("55", 100, 60))));
    }

    [Fact]
    public void Tone_shorter_than_40_ms_is_ignored()
    {
        Assert.Equal(string.Empty, new DtmfToneDetector().Detect(Clean(DigitSignal("8", 30, 100))));
    }

    [Theory]
    [InlineData(-3, "7")]
    [InlineData(3, "7")]
    [InlineData(-12, "")]
    [InlineData(8, "")]
    public void Twist_beyond_limits_is_rejected(double columnOffsetDb, string expected)
    {
        Assert.Equal(expected, new DtmfToneDetector().Detect(Clean(DigitSignal("7", 100, 60, rowDbm0: -12, columnOffsetDb: columnOffsetDb))));
    }

    [Fact]
    public void Tone_below_minimum_level_is_ignored()
    {
        Assert.Equal(string.Empty, new DtmfToneDetector().Detect(Clean(DigitSignal("3", 100, 60, rowDbm0: -40))));
    }

    [Fact]
    public void Single_frequency_is_not_a_digit()
    {
        var generator = new ToneGenerator();
        generator.SetTone(697, 0, 8000);
        var audio = new short[8000];
        generator.Generate(audio);
        Assert.Equal(string.Empty, new DtmfToneDetector().Detect(audio));
    }

    [Theory]
    [InlineData("speech-en-8k-mulaw.wav")]
    [InlineData("speech-ru-8k-mulaw.wav")]
    [InlineData("speech-az-8k-mulaw.wav")]
    public void Recorded_speech_raises_no_digit(string fileName)
    {
        using var reader = WavReader.Open(TestDataFiles.PathOf(fileName));
        var speech = reader.ReadAllSamples();
        Assert.True(speech.Length > 40_000);

        // Also louder, as a close talker or an agent with high gain would be.
        var louder = speech.Select(s => (short)Math.Clamp(s * 4, short.MinValue, short.MaxValue)).ToArray();
        Assert.Equal(string.Empty, new DtmfToneDetector().Detect(speech));
        Assert.Equal(string.Empty, new DtmfToneDetector().Detect(louder));
    }

    [Theory]
    [InlineData(90, 180)]
    [InlineData(150, 300)]
    [InlineData(200, 350)]
    public void Voiced_harmonics_with_gliding_pitch_raise_no_digit(double lowPitch, double highPitch)
    {
        // Ten seconds of a vowel-like signal: harmonics of a pitch that glides between the limits,
        // shaped by formant-like peaks near 700 Hz and 1200 Hz (the most DTMF-like vowel, /a/).
        var audio = new short[80_000];
        var phase = 0.0;
        for (var n = 0; n < audio.Length; n++)
        {
            var pitch = lowPitch + ((highPitch - lowPitch) * (0.5 + (0.5 * Math.Sin(2 * Math.PI * 0.7 * n / 8000))));
            phase += 2 * Math.PI * pitch / 8000;
            var value = 0.0;
            for (var harmonic = 1; harmonic * pitch < 3800; harmonic++)
            {
                var frequency = harmonic * pitch;
                var gain = Formant(frequency, 700, 130) + Formant(frequency, 1200, 150) + (0.3 * Formant(frequency, 2600, 250));
                value += gain * Math.Sin(harmonic * phase);
            }

            audio[n] = (short)Math.Clamp(value * 4000, short.MinValue, short.MaxValue);
        }

        Assert.Equal(string.Empty, new DtmfToneDetector().Detect(audio));
    }

    private static double Formant(double frequency, double centre, double bandwidth) =>
        1 / (1 + Math.Pow((frequency - centre) / bandwidth, 2));
}
