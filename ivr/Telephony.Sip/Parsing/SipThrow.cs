using System.Diagnostics.CodeAnalysis;
using Telephony.Sip.Messages;

namespace Telephony.Sip.Parsing;

/// <summary>Throw helpers kept out of the callers so the hot paths stay small and inlinable.</summary>
internal static class SipThrow
{
    [DoesNotReturn]
    public static void InvalidHeader(SipHeaderKind kind) =>
        throw new FormatException($"The {SipHeaderNames.GetName(kind)} header of this message is missing or malformed; the parser rejected the message.");

    [DoesNotReturn]
    public static void InvalidOperation(string message) => throw new InvalidOperationException(message);
}
