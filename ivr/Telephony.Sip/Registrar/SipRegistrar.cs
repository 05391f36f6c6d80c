using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Telephony.Sip.Authentication;
using Telephony.Sip.Messages;

namespace Telephony.Sip.Registrar;

/// <summary>
/// The registrar (RFC 3261 10.3) as a transaction user: given a REGISTER and where it came from, authenticates it with
/// digest (RFC 7616, RFC 8760; SHA-256 and MD5, qop=auth) and updates the location service, returning the response to send.
/// Unknown users get the same challenge, and the same failure after the same work (a decoy HA1), as known users with a
/// wrong password. Failures are counted per source IP and per user name; a locked key is refused even with the right password.
/// </summary>
public sealed partial class SipRegistrar
{
    internal const string TooManyFailuresPhrase = "Forbidden: too many failures";

    private readonly SipRegistrarOptions _options;
    private readonly ISipCredentialStore _credentials;
    private readonly IRegistrationStore _registrations;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SipRegistrarMetrics _metrics;
    private readonly SipNonceIssuer _nonces;
    private readonly SipNonceCountTracker _nonceCounts;
    private readonly SipAuthFailureLimiter _failures;
    private readonly SipCredentials _decoy;

    public SipRegistrar(
        SipRegistrarOptions options,
        ISipCredentialStore credentials,
        IRegistrationStore registrations,
        TimeProvider timeProvider,
        ILogger<SipRegistrar>? logger = null,
        SipRegistrarMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentNullException.ThrowIfNull(registrations);
        ArgumentNullException.ThrowIfNull(timeProvider);
        options.Validate();
        _options = options;
        _credentials = credentials;
        _registrations = registrations;
        _timeProvider = timeProvider;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _metrics = metrics ?? new SipRegistrarMetrics();
        _nonces = new SipNonceIssuer(options.NonceKey.Span, options.NonceLifetime, timeProvider);
        _nonceCounts = new SipNonceCountTracker(options.NonceLifetime, timeProvider);
        _failures = new SipAuthFailureLimiter(options.FailureLimit, options.FailureWindow, options.LockoutDuration, timeProvider);
        var decoyPassword = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _decoy = new SipCredentials(
            "decoy",
            SipDigest.ComputeHa1(SipDigestAlgorithm.Md5, "decoy", options.Realm, decoyPassword),
            SipDigest.ComputeHa1(SipDigestAlgorithm.Sha256, "decoy", options.Realm, decoyPassword));
    }

    /// <summary>Answers a REGISTER with responses started by <see cref="SipResponse.CreateFor"/>.</summary>
    public Task<SipMessageBuilder> HandleAsync(SipRequest request, IPEndPoint source, string transport, CancellationToken cancellationToken) =>
        HandleAsync(request, source, transport, null, cancellationToken);

    /// <summary>
    /// Answers a REGISTER. <paramref name="createResponse"/> starts each response (status code, reason phrase) — the SIP
    /// stack's own factory, which stamps Via and keeps one To tag; null uses <see cref="SipResponse.CreateFor"/>.
    /// <paramref name="transport"/> is the transport name as in Via ("UDP", "TCP", "TLS").
    /// </summary>
    public async Task<SipMessageBuilder> HandleAsync(
        SipRequest request,
        IPEndPoint source,
        string transport,
        Func<int, string, SipMessageBuilder>? createResponse,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentException.ThrowIfNullOrEmpty(transport);
        var create = createResponse ?? ((code, phrase) => SipResponse.CreateFor(request, code, phrase));
        return await AnswerAsync(request, source, transport, create, cancellationToken).ConfigureAwait(false);
    }

    private async Task<SipMessageBuilder> AnswerAsync(
        SipRequest request, IPEndPoint source, string transport, Func<int, string, SipMessageBuilder> create, CancellationToken cancellationToken)
    {
        if (request.Method != SipMethod.Register)
        {
            return Answer(create(405, "Method Not Allowed").AddHeader(SipHeaderKind.Allow, "REGISTER"), 405);
        }

        var authentication = await AuthenticateAsync(request, source, create, cancellationToken).ConfigureAwait(false);
        if (authentication.Response is { } refusal)
        {
            return Answer(refusal, authentication.StatusCode);
        }

        var userName = authentication.UserName!;
        var aor = request.To.Uri.User;
        if (!string.Equals(aor, userName, StringComparison.Ordinal))
        {
            SipLog.AorMismatch(_logger, userName, aor ?? string.Empty, source);
            return Answer(create(403, "Forbidden: To does not match the credentials"), 403);
        }

        var (response, statusCode) = await UpdateBindingsAsync(request, userName, source, transport, create, cancellationToken).ConfigureAwait(false);
        return Answer(response, statusCode);
    }

    private async Task<AuthenticationOutcome> AuthenticateAsync(
        SipRequest request, IPEndPoint source, Func<int, string, SipMessageBuilder> create, CancellationToken cancellationToken)
    {
        var credentials = FindOurCredentials(request);
        if (credentials is null)
        {
            return AuthenticationOutcome.Refuse(Challenge(create, stale: false), 401);
        }

        if (!TryReadCredentials(credentials, out var userName, out var algorithm, out var nonceCount))
        {
            // Something we did not offer (another algorithm, no qop, -sess) or a malformed header: offer ours again.
            return AuthenticationOutcome.Refuse(Challenge(create, stale: false), 401);
        }

        var nonceStatus = _nonces.Check(credentials.Nonce);
        if (nonceStatus == SipNonceStatus.Invalid || (_options.Opaque is { } opaque && !string.Equals(credentials.Opaque, opaque, StringComparison.Ordinal)))
        {
            return AuthenticationOutcome.Refuse(Challenge(create, stale: false), 401);
        }

        var sourceKey = "ip:" + Normalize(source.Address);
        var userKey = "user:" + userName;
        if (_failures.IsLocked(sourceKey) || _failures.IsLocked(userKey))
        {
            SipLog.RefusedWhileLocked(_logger, userName, source);
            _metrics.AuthFailed("locked");
            return AuthenticationOutcome.Refuse(create(403, TooManyFailuresPhrase), 403);
        }

        var stored = await _credentials.FindAsync(userName, cancellationToken).ConfigureAwait(false);
        var ha1Source = stored ?? _decoy;
        var ha1 = algorithm == SipDigestAlgorithm.Sha256 ? ha1Source.Ha1Sha256 : ha1Source.Ha1Md5;
        var expected = SipDigest.ComputeResponseFromHa1(
            algorithm, ha1, request.MethodName, credentials.Uri!, credentials.Nonce!, "auth", credentials.NonceCount, credentials.CNonce);
        var matches = SipDigest.ResponsesMatch(expected, credentials.Response);
        if (!matches || stored is null)
        {
            RecordFailure(userName, source, sourceKey, userKey, stored is null ? "unknown user" : "wrong digest");
            return AuthenticationOutcome.Refuse(create(403, "Forbidden"), 403);
        }

        if (nonceStatus == SipNonceStatus.Stale || !_nonceCounts.TryAccept(credentials.Nonce!, nonceCount))
        {
            SipLog.StaleCredentials(_logger, userName, source);
            return AuthenticationOutcome.Refuse(Challenge(create, stale: true), 401);
        }

        _failures.Reset(userKey);
        return AuthenticationOutcome.Accept(userName);
    }

    private void RecordFailure(string userName, IPEndPoint source, string sourceKey, string userKey, string reason)
    {
        // The log names the reason; the peer sees one answer for both, so it cannot enumerate users.
        SipLog.AuthenticationFailed(_logger, userName, source, reason);
        _metrics.AuthFailed("bad_credentials");
        if (_failures.RecordFailure(sourceKey))
        {
            SipLog.LockedOut(_logger, "source", sourceKey, _options.LockoutDuration);
            _metrics.LockedOut("source");
        }

        if (_failures.RecordFailure(userKey))
        {
            SipLog.LockedOut(_logger, "user", userKey, _options.LockoutDuration);
            _metrics.LockedOut("user");
        }
    }

    private SipAuthHeader? FindOurCredentials(SipRequest request)
    {
        foreach (var header in request.Authorization)
        {
            if (header.IsDigest && string.Equals(header.Realm, _options.Realm, StringComparison.Ordinal))
            {
                return header;
            }
        }

        return null;
    }

    private bool TryReadCredentials(SipAuthHeader credentials, out string userName, out SipDigestAlgorithm algorithm, out ulong nonceCount)
    {
        userName = credentials.UserName ?? string.Empty;
        nonceCount = 0;
        algorithm = SipDigestAlgorithm.Md5;
        return userName.Length > 0
            && !string.IsNullOrEmpty(credentials.Nonce)
            && !string.IsNullOrEmpty(credentials.Uri)
            && !string.IsNullOrEmpty(credentials.Response)
            && !string.IsNullOrEmpty(credentials.CNonce)
            && string.Equals(credentials.Qop, "auth", StringComparison.OrdinalIgnoreCase)
            && credentials.NonceCount is { Length: 8 } nc
            && ulong.TryParse(nc, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out nonceCount)
            && SipDigest.TryParseAlgorithm(credentials.Algorithm, out algorithm)
            && _options.Algorithms.Contains(algorithm);
    }

    private SipMessageBuilder Challenge(Func<int, string, SipMessageBuilder> create, bool stale)
    {
        // One nonce for every challenge; the phone picks the first algorithm it supports (RFC 8760 2.4).
        var nonce = _nonces.Create();
        var response = create(401, "Unauthorized");
        foreach (var algorithm in _options.Algorithms)
        {
            response.AddHeader(SipHeaderKind.WwwAuthenticate, ChallengeValue(SipDigest.GetAlgorithmName(algorithm), nonce, stale));
        }

        return response;
    }

    private string ChallengeValue(string algorithm, string nonce, bool stale)
    {
        var opaque = _options.Opaque is { } value ? $", opaque=\"{value}\"" : string.Empty;
        var staleFlag = stale ? ", stale=true" : string.Empty;
        return $"Digest realm=\"{_options.Realm}\", nonce=\"{nonce}\"{opaque}, algorithm={algorithm}, qop=\"auth\"{staleFlag}";
    }

    private SipMessageBuilder Answer(SipMessageBuilder response, int statusCode)
    {
        _metrics.Answered(statusCode);
        return response;
    }

    private static string Normalize(IPAddress address) =>
        (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();

    private readonly record struct AuthenticationOutcome(string? UserName, SipMessageBuilder? Response, int StatusCode)
    {
        public static AuthenticationOutcome Accept(string userName) => new(userName, null, 200);

        public static AuthenticationOutcome Refuse(SipMessageBuilder response, int statusCode) => new(null, response, statusCode);
    }
}
