using System.Text;
using Telephony.Ivr.Model;

namespace Telephony.Ivr.Validation;

/// <summary>One problem that blocks publishing, located by node, schedule and language where they apply.</summary>
public sealed record ValidationFault(FaultKind Kind, string? NodeId, Language? Language, string Message)
{
    /// <summary>Schedule the fault is in, for schedule and holiday faults.</summary>
    public string? ScheduleId { get; init; }

    public override string ToString()
    {
        var text = new StringBuilder();
        if (NodeId is not null)
        {
            text.Append("node '").Append(NodeId).Append("' ");
        }

        if (ScheduleId is not null)
        {
            text.Append("schedule '").Append(ScheduleId).Append("' ");
        }

        if (Language is { } language)
        {
            text.Append('[').Append(language.Code()).Append("] ");
        }

        return text.Append(Kind).Append(": ").Append(Message).ToString();
    }
}
