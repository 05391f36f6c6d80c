namespace Telephony.Reports.Generator;

/// <summary>
/// A year of hotline calls with a realistic shape: weekdays busy and weekends quiet, a 09:00–18:00 (Asia/Baku) day peaking
/// late morning and mid-afternoon with a few calls at night (after hours), languages about 60% az / 30% ru / 10% en, five topics,
/// some callers leaving the IVR, waits that grow at peaks, callers who give up (some within seconds), callbacks and surveys.
/// Calls come out in start order, so their time-ordered ids load into the primary key in order.
/// </summary>
public sealed class SyntheticHistory(int year, long totalCalls, int seed, TimeZoneInfo timeZone)
{
    private static readonly double[] HourWeights =
    [
        0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.4, 0.8, 2, 8, 12, 13, 10, 8, 11, 12, 10, 7, 3, 1.5, 1, 0.6, 0.4, 0.3,
    ];

    private static readonly (string Value, double Weight)[] Languages = [("az", 0.6), ("ru", 0.3), ("en", 0.1)];

    private static readonly (string Value, double Weight)[] Topics =
        [("pensions", 0.3), ("transfers", 0.25), ("utilities", 0.2), ("documents", 0.15), ("complaints", 0.1)];

    private static readonly string[] IvrExits = ["greeting", "language-menu", "topic-menu", "info-hours"];

    public const int Agents = 40;

    public static string AgentId(int index) => (2001 + index).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public IEnumerable<SyntheticCall> Calls()
    {
        var random = new Random(seed);
        var first = new DateOnly(year, 1, 1);
        var days = Enumerable.Range(0, DateTime.IsLeapYear(year) ? 366 : 365).Select(first.AddDays).ToArray();
        var dayWeights = days.Select(d => d.DayOfWeek switch { DayOfWeek.Saturday => 0.25, DayOfWeek.Sunday => 0.1, _ => 1.0 }).ToArray();
        var weightSum = dayWeights.Sum();
        var hourSum = HourWeights.Sum();
        long emitted = 0;
        var carried = 0.0;
        for (var d = 0; d < days.Length; d++)
        {
            // Shares are spread so the year adds up to exactly totalCalls.
            var exact = (totalCalls * dayWeights[d] / weightSum) + carried;
            var count = d == days.Length - 1 ? totalCalls - emitted : (long)Math.Floor(exact);
            carried = exact - count;
            var midnight = new DateTimeOffset(days[d].ToDateTime(TimeOnly.MinValue), timeZone.GetUtcOffset(days[d].ToDateTime(TimeOnly.MinValue)));
            var offsets = new double[count];
            for (var i = 0; i < count; i++)
            {
                offsets[i] = PickSecondOfDay(random, hourSum);
            }

            Array.Sort(offsets);
            foreach (var offset in offsets)
            {
                var hour = (int)(offset / 3600);
                yield return Call(random, midnight.AddSeconds(offset).ToUniversalTime(), hour, HourWeights[hour] / 13.0);
            }

            emitted += count;
        }
    }

    private static double PickSecondOfDay(Random random, double hourSum)
    {
        var pick = random.NextDouble() * hourSum;
        for (var hour = 0; hour < 24; hour++)
        {
            if (pick < HourWeights[hour])
            {
                return (hour * 3600) + (random.NextDouble() * 3600);
            }

            pick -= HourWeights[hour];
        }

        return 23 * 3600;
    }

    private static SyntheticCall Call(Random random, DateTimeOffset started, int hour, double load)
    {
        var id = Guid.CreateVersion7(started);
        var inHours = hour is >= 9 and < 18 && started.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
        var roll = random.NextDouble();
        if (!inHours)
        {
            return new(id, started, started.AddSeconds(20), null, null, "greeting", null, null, null, null, null, "after-hours", false, null, false, false);
        }

        var language = Pick(random, Languages);
        if (roll < 0.08)
        {
            var exit = IvrExits[random.Next(IvrExits.Length)];
            return new(id, started, started.AddSeconds(15 + random.Next(60)), exit == "greeting" ? null : language, null, exit, null, null,
                null, null, null, "ivr-abandoned", false, null, false, false);
        }

        var topic = Pick(random, Topics);
        var queued = started.AddSeconds(25 + random.Next(20));
        // Waits grow with the hour's load; patience is the caller's own.
        var wait = Exponential(random, 8 + (70 * load * load));
        var patience = Exponential(random, 150);
        if (patience < wait)
        {
            var waited = (int)(patience * 1000);
            var callback = patience > 60 && random.NextDouble() < 0.3;
            return new(id, started, queued.AddMilliseconds(waited), language, topic, "queue", topic, null, waited, null, null,
                callback ? "callback-requested" : "abandoned", waited < 5000, null, callback, callback && random.NextDouble() < 0.85);
        }

        var waitMs = (int)(wait * 1000);
        var talkMs = (int)(Math.Max(20, Exponential(random, 220)) * 1000);
        var wrapMs = (int)((10 + random.Next(50)) * 1000);
        short? survey = random.NextDouble() < 0.4 ? (short)Math.Clamp(6 - (int)Math.Ceiling(Exponential(random, 1.2)), 1, 5) : null;
        return new(id, started, queued.AddMilliseconds(waitMs + talkMs), language, topic, "queue", topic, AgentId(random.Next(Agents)),
            waitMs, talkMs, wrapMs, "answered", false, survey, false, false);
    }

    private static double Exponential(Random random, double mean) => -mean * Math.Log(1 - random.NextDouble());

    private static string Pick(Random random, (string Value, double Weight)[] choices)
    {
        var pick = random.NextDouble();
        foreach (var (value, weight) in choices)
        {
            if (pick < weight)
            {
                return value;
            }

            pick -= weight;
        }

        return choices[^1].Value;
    }
}
