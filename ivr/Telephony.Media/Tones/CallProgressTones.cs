namespace Telephony.Media.Tones;

/// <summary>
/// Standard call-progress cadences. European values follow ETSI TR 101 041 / ITU-T E.180
/// (425 Hz; ringback 1 s on, 4 s off; busy 0.5 s on, 0.5 s off); North American values follow
/// the precise-tone plan (ringback 440+480 Hz 2 s on, 4 s off; busy 480+620 Hz 0.5/0.5).
/// </summary>
public static class CallProgressTones
{
    /// <summary>European ringback: 425 Hz, 1 s on, 4 s off, repeating.</summary>
    public static ToneCadence EuropeanRingback { get; } =
        new([ToneStep.Tone(425, 1000), ToneStep.Silence(4000)], repeats: true);

    /// <summary>North American ringback: 440+480 Hz, 2 s on, 4 s off, repeating.</summary>
    public static ToneCadence NorthAmericanRingback { get; } =
        new([ToneStep.DualTone(440, 480, 2000), ToneStep.Silence(4000)], repeats: true, levelDbm0: -19);

    /// <summary>European busy: 425 Hz, 0.5 s on, 0.5 s off, repeating.</summary>
    public static ToneCadence EuropeanBusy { get; } =
        new([ToneStep.Tone(425, 500), ToneStep.Silence(500)], repeats: true);

    /// <summary>North American busy: 480+620 Hz, 0.5 s on, 0.5 s off, repeating.</summary>
    public static ToneCadence NorthAmericanBusy { get; } =
        new([ToneStep.DualTone(480, 620, 500), ToneStep.Silence(500)], repeats: true, levelDbm0: -24);

    /// <summary>A single 1 kHz beep of 250 ms, e.g. before recording starts or at a menu's end.</summary>
    public static ToneCadence Beep { get; } = new([ToneStep.Tone(1000, 250)], repeats: false);

    /// <summary>A beep at a chosen frequency and length, played once.</summary>
    public static ToneCadence BeepOf(double frequency, int milliseconds) => new([ToneStep.Tone(frequency, milliseconds)], repeats: false);
}
