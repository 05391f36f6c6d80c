using System.Text.Json;

namespace Telephony.TestKit.Sip;

/// <summary>One asynchronous event from baresip's ctrl_tcp module (CALL_ESTABLISHED, CALL_CLOSED, REGISTER_OK…).</summary>
public sealed record BaresipEvent(string Type, string? Parameter, string? PeerUri, JsonElement Raw)
{
    public override string ToString() => $"{Type} {PeerUri} {Parameter}";
}
