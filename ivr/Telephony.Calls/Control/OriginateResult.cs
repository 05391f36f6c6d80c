namespace Telephony.Calls.Control;

/// <summary>The outcome of <see cref="ICallBackend.OriginateAsync"/>: an answered call, or why there is none.</summary>
public sealed record OriginateResult(ICall? Call, OriginateFailure Failure, int? ProtocolStatus = null)
{
    public bool Answered => Call is not null;

    public static OriginateResult AnsweredBy(ICall call) => new(call, OriginateFailure.None);

    public static OriginateResult Failed(OriginateFailure failure, int? protocolStatus = null) => new(null, failure, protocolStatus);
}
