using System.Globalization;
using System.Net;
using Telephony.Sip.Parsing;

namespace Telephony.Sip.Stack;

/// <summary>The SIP stack's settings, bound from the configuration section "Sip" and validated at start.</summary>
public sealed class SipStackOptions
{
    public const string SectionName = "Sip";

    /// <summary>Listen addresses as ADDR:PORT ("0.0.0.0:5060", "[::1]:5060"); each gets UDP and, if enabled, TCP.</summary>
    public IList<string> Listen { get; } = new List<string>();

    public bool EnableTcp { get; set; } = true;

    /// <summary>TLS listen addresses as ADDR:PORT (conventionally port 5061); each needs the certificate below.</summary>
    public IList<string> TlsListen { get; } = new List<string>();

    /// <summary>PEM file of the certificate TLS peers are shown (the chain may follow it in the same file).</summary>
    public string? TlsCertificatePath { get; set; }

    /// <summary>PEM file of the certificate's private key.</summary>
    public string? TlsKeyPath { get; set; }

    /// <summary>
    /// Whether the certificates of peers we connect to over TLS must chain to a trusted root and name the address we
    /// dialled. Phones usually present self-signed certificates; turn it off to reach them.
    /// </summary>
    public bool TlsVerifyRemoteCertificate { get; set; } = true;

    /// <summary>How long a TLS peer may take to finish its handshake.</summary>
    public TimeSpan TlsHandshakeTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The host or address written in Via and Contact; the listen address when unset.</summary>
    public string? AdvertisedHost { get; set; }

    /// <summary>RFC 3261 T1, the round-trip estimate (default 500 ms).</summary>
    public TimeSpan T1 { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>RFC 3261 T2, the longest retransmit interval for non-INVITE requests and INVITE responses (default 4 s).</summary>
    public TimeSpan T2 { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>RFC 3261 T4, how long a message stays in the network (default 5 s).</summary>
    public TimeSpan T4 { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The period of the one timer that drives every SIP timer.</summary>
    public TimeSpan TimerTick { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>
    /// Transactions being worked on (no final response yet) beyond which new out-of-dialog requests get 503. A healthy
    /// host answers in milliseconds, so a thousand waiting means it is falling behind: refusing new calls there keeps
    /// the calls already up (and their audio) healthy instead of letting every call's setup slow down.
    /// </summary>
    public int MaxTransactions { get; set; } = 1_000;

    /// <summary>
    /// Transactions past their final response, kept to absorb retransmissions, beyond which new out-of-dialog requests
    /// get 503: a bound on their memory (a few KB each), far above what the call rate needs (calls per second × 32 s).
    /// </summary>
    public int MaxLingeringTransactions { get; set; } = 100_000;

    /// <summary>Retry-After, in seconds, on the 503 sent when overloaded or stopping.</summary>
    public int RetryAfterSeconds { get; set; } = 5;

    /// <summary>Requests per second accepted from one source transport address (IP and port); 0 disables the limit.</summary>
    public int MaxRequestsPerSecondPerSource { get; set; } = 500;

    /// <summary>Workers handling messages by Call-ID; 0 runs everything inline (tests on the loop network).</summary>
    public int WorkerCount { get; set; } = Math.Max(2, Environment.ProcessorCount);

    public TimeSpan TcpIdleTimeout { get; set; } = TimeSpan.FromMinutes(10);

    public int MaxTcpConnections { get; set; } = 1000;

    public int MaxMessageSize { get; set; } = 65535;

    public int MaxHeaderCount { get; set; } = 128;

    /// <summary>When set the stack answers OPTIONS outside a dialog itself (200 with Allow, Accept, Supported).</summary>
    public bool AnswerOptions { get; set; } = true;

    public string UserAgent { get; set; } = "Telephony";

    internal SipParserOptions ParserOptions => new() { MaxMessageSize = MaxMessageSize, MaxHeaderCount = MaxHeaderCount };

    /// <summary>Parsed <see cref="Listen"/>; call after <see cref="Validate"/> passed.</summary>
    public IReadOnlyList<IPEndPoint> ListenEndPoints() => Listen.Select(static text => IPEndPoint.Parse(text)).ToList();

    /// <summary>Parsed <see cref="TlsListen"/>; call after <see cref="Validate"/> passed.</summary>
    public IReadOnlyList<IPEndPoint> TlsListenEndPoints() => TlsListen.Select(static text => IPEndPoint.Parse(text)).ToList();

    /// <summary>Problems, each naming its key; empty when the options are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        foreach (var text in Listen)
        {
            if (!IPEndPoint.TryParse(text, out _))
            {
                problems.Add($"{SectionName}:Listen: '{text}' is not ADDR:PORT.");
            }
        }

        ValidateTls(problems);
        Positive(problems, nameof(T1), T1);
        Positive(problems, nameof(T4), T4);
        Positive(problems, nameof(TimerTick), TimerTick);
        Positive(problems, nameof(TcpIdleTimeout), TcpIdleTimeout);
        if (T2 < T1)
        {
            problems.Add($"{SectionName}:{nameof(T2)} must be at least T1.");
        }

        AtLeast(problems, nameof(MaxTransactions), MaxTransactions, 1);
        AtLeast(problems, nameof(MaxLingeringTransactions), MaxLingeringTransactions, 1);
        AtLeast(problems, nameof(RetryAfterSeconds), RetryAfterSeconds, 0);
        AtLeast(problems, nameof(MaxRequestsPerSecondPerSource), MaxRequestsPerSecondPerSource, 0);
        AtLeast(problems, nameof(WorkerCount), WorkerCount, 0);
        AtLeast(problems, nameof(MaxTcpConnections), MaxTcpConnections, 1);
        problems.AddRange(ParserOptions.Validate().Select(static p => $"{SectionName}: {p}"));
        return problems;
    }

    private void ValidateTls(List<string> problems)
    {
        foreach (var text in TlsListen)
        {
            if (!IPEndPoint.TryParse(text, out _))
            {
                problems.Add($"{SectionName}:TlsListen: '{text}' is not ADDR:PORT.");
            }
        }

        if (TlsListen.Count == 0)
        {
            return;
        }

        RequiredFile(problems, nameof(TlsCertificatePath), TlsCertificatePath);
        RequiredFile(problems, nameof(TlsKeyPath), TlsKeyPath);
        Positive(problems, nameof(TlsHandshakeTimeout), TlsHandshakeTimeout);
    }

    private static void RequiredFile(List<string> problems, string key, string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            problems.Add($"{SectionName}:{key} is required when {SectionName}:TlsListen is set.");
        }
        else if (!File.Exists(path))
        {
            problems.Add($"{SectionName}:{key}: '{path}' does not exist.");
        }
    }

    private static void Positive(List<string> problems, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            problems.Add($"{SectionName}:{key} must be positive.");
        }
    }

    private static void AtLeast(List<string> problems, string key, int value, int minimum)
    {
        if (value < minimum)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{SectionName}:{key} must be at least {minimum}."));
        }
    }
}
