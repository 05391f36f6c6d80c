using Telephony.Ivr.Model;
using Telephony.Ivr.Validation;

namespace Telephony.Host.Ivr;

/// <summary>A validation fault as the API and the pages see it: kind, where (node, language, schedule) and what.</summary>
internal sealed record FaultResponse(string Kind, string? NodeId, string? Language, string Message, string? ScheduleId)
{
    public static FaultResponse From(ValidationFault fault) =>
        new(fault.Kind.ToString(), fault.NodeId, fault.Language?.Code(), fault.Message, fault.ScheduleId);
}
