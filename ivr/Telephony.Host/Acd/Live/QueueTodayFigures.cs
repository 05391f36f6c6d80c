namespace Telephony.Host.Acd.Live;

/// <summary>
/// A queue's callers whose wait ended today (local day): offered counts every caller that joined; service level is
/// answered within the queue's target over (answered + abandoned + overflowed − short abandons), the reports' formula
/// applied to the callers whose outcome is known; null while that base is empty.
/// </summary>
public sealed record QueueTodayFigures(int Offered, int Answered, int AnsweredWithinTarget, int Abandoned, int ShortAbandoned, int Overflowed)
{
    public static QueueTodayFigures None { get; } = new(0, 0, 0, 0, 0, 0);

    public double? ServiceLevel
    {
        get
        {
            var basis = Answered + Abandoned + Overflowed - ShortAbandoned;
            return basis > 0 ? (double)AnsweredWithinTarget / basis : null;
        }
    }
}
