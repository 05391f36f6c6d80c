using System.Diagnostics;
using Telephony.LoadGenerator.Rtp;

namespace Telephony.LoadGenerator.Calls;

/// <summary>What became of one call, in milliseconds, for the report.</summary>
internal sealed record CallOutcome(int Index, CallFailure Failure, int RejectStatus, double? SetupMs, double? FirstPacketMs, double MediaSeconds, RtpStreamResult Media, double MaxGapAtSeconds)
{
    public bool Answered => SetupMs.HasValue;

    public double MaxGapMs => Media.MaxGapTicks * 1000.0 / Stopwatch.Frequency;

    /// <summary>The outcome of <paramref name="call"/>; times of the run are counted from <paramref name="runStart"/> (Stopwatch ticks).</summary>
    public static CallOutcome Of(LoadCall call, long runStart)
    {
        ArgumentNullException.ThrowIfNull(call);
        var answered = call.AnsweredAt != 0;
        return new CallOutcome(
            call.Index,
            call.Failure,
            call.RejectStatus,
            answered ? Milliseconds(call.AnsweredAt - call.InvitedAt) : null,
            answered && call.Media.Packets > 0 ? Math.Max(0, Milliseconds(call.Media.FirstArrival - call.AnsweredAt)) : null,
            answered && call.MediaClosedAt != 0 ? Milliseconds(call.MediaClosedAt - call.AnsweredAt) / 1000 : 0,
            call.Media,
            call.Media.MaxGapEndedAt == 0 ? 0 : Milliseconds(call.Media.MaxGapEndedAt - runStart) / 1000);
    }

    private static double Milliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
