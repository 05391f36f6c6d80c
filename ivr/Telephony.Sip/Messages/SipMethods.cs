namespace Telephony.Sip.Messages;

/// <summary>Method tokens: lookup from bytes and the canonical names. Method names are case-sensitive (RFC 3261 7.1).</summary>
public static class SipMethods
{
    private static readonly string[] s_names =
    [
        string.Empty, "INVITE", "ACK", "BYE", "CANCEL", "REGISTER", "OPTIONS", "INFO",
        "PRACK", "UPDATE", "SUBSCRIBE", "NOTIFY", "REFER", "MESSAGE", "PUBLISH",
    ];

    /// <summary>The canonical token of a known method; empty for <see cref="SipMethod.Extension"/>.</summary>
    public static string GetName(SipMethod method) => s_names[(int)method];

    public static SipMethod Parse(ReadOnlySpan<byte> token) => token.Length switch
    {
        3 when token.SequenceEqual("ACK"u8) => SipMethod.Ack,
        3 when token.SequenceEqual("BYE"u8) => SipMethod.Bye,
        4 when token.SequenceEqual("INFO"u8) => SipMethod.Info,
        5 when token.SequenceEqual("PRACK"u8) => SipMethod.Prack,
        5 when token.SequenceEqual("REFER"u8) => SipMethod.Refer,
        6 when token.SequenceEqual("INVITE"u8) => SipMethod.Invite,
        6 when token.SequenceEqual("CANCEL"u8) => SipMethod.Cancel,
        6 when token.SequenceEqual("UPDATE"u8) => SipMethod.Update,
        6 when token.SequenceEqual("NOTIFY"u8) => SipMethod.Notify,
        7 when token.SequenceEqual("OPTIONS"u8) => SipMethod.Options,
        7 when token.SequenceEqual("MESSAGE"u8) => SipMethod.Message,
        7 when token.SequenceEqual("PUBLISH"u8) => SipMethod.Publish,
        8 when token.SequenceEqual("REGISTER"u8) => SipMethod.Register,
        9 when token.SequenceEqual("SUBSCRIBE"u8) => SipMethod.Subscribe,
        _ => SipMethod.Extension,
    };
}
