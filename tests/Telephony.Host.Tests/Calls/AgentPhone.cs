namespace Telephony.Host.Tests.Calls;

/// <summary>How a scripted agent phone reacts to a ring: picks up after a delay on the fake clock, or never.</summary>
public sealed class AgentPhone(string extension)
{
    public string Extension { get; } = extension;

    /// <summary>Null: the phone rings until the ACD withdraws the call.</summary>
    public TimeSpan? AnswerAfter { get; set; } = TimeSpan.FromSeconds(2);

    public int Rings { get; set; }

    /// <summary>Rings at this phone right now; more than one at a time would mean the ACD offered two calls at once.</summary>
    public int Ringing { get; set; }

    public int MostRingingAtOnce { get; set; }

    /// <summary>Answered legs not yet hung up; more than one means two calls at once.</summary>
    public int Talking { get; set; }

    public int MostTalkingAtOnce { get; set; }

    /// <summary>Most offers at once, ringing and talking together: above one the ACD double-booked the agent.</summary>
    public int MostBusyAtOnce { get; set; }

    public List<ScriptedCall> Legs { get; } = [];
}
