using System.Diagnostics.Metrics;

namespace Telephony.Sip.Registrar;

/// <summary>The registrar's instruments on the "Telephony.Sip" meter (the factory hands back the stack's meter of that name).</summary>
public sealed class SipRegistrarMetrics : IDisposable
{
    public const string MeterName = "Telephony.Sip";

    private readonly Meter _meter;
    private readonly Counter<long> _authFailures;
    private readonly Counter<long> _authLockouts;
    private readonly Counter<long> _registrations;

    public SipRegistrarMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _authFailures = _meter.CreateCounter<long>("auth_failures", description: "REGISTER digest authentications that failed, by reason");
        _authLockouts = _meter.CreateCounter<long>("auth_lockouts", description: "Source IPs and user names locked out after repeated failures, by kind");
        _registrations = _meter.CreateCounter<long>("registrations", description: "REGISTER requests answered, by status code");
    }

    public void Dispose() => _meter.Dispose();

    internal void AuthFailed(string reason) => _authFailures.Add(1, new KeyValuePair<string, object?>("reason", reason));

    internal void LockedOut(string kind) => _authLockouts.Add(1, new KeyValuePair<string, object?>("kind", kind));

    internal void Answered(int statusCode) => _registrations.Add(1, new KeyValuePair<string, object?>("code", statusCode));
}
