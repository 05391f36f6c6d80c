namespace Telephony.TestKit.Sip;

/// <summary>How a test's baresip phone is set up: who it is, what it sends and whether it answers by itself.</summary>
public sealed record BaresipPhoneOptions
{
    /// <summary>The SIP user of the phone's account (an agent's extension, or a caller's number).</summary>
    public required string User { get; init; }

    /// <summary>Registrar to register with ("127.0.0.1:5060"); null places calls without registering.</summary>
    public string? Registrar { get; init; }

    /// <summary>Digest password for the registration.</summary>
    public string? Password { get; init; }

    /// <summary>Answer incoming calls at once (an agent's phone in the tests).</summary>
    public bool AutoAnswer { get; init; }

    /// <summary>What the microphone sends: a 16-bit 8 kHz mono WAV. Null sends a sine at <see cref="ToneHz"/>.</summary>
    public string? AudioSource { get; init; }

    /// <summary>Frequency of the tone the phone sends when no <see cref="AudioSource"/> is given.</summary>
    public int ToneHz { get; init; } = 440;

    /// <summary>Transport for the account's registration and calls ("udp", "tcp" or "tls").</summary>
    public string Transport { get; init; } = "udp";

    /// <summary>Extra lines appended to baresip's config file.</summary>
    public IReadOnlyList<string> ExtraConfig { get; init; } = [];
}
