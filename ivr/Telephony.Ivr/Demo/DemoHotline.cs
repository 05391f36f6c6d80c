using Telephony.Ivr.Hours;
using Telephony.Ivr.Model;
using Telephony.Ivr.Serialization;
using Telephony.Ivr.Validation;

namespace Telephony.Ivr.Demo;

/// <summary>
/// The demo hotline of the Ministry of Science and Education: its menu tree and the queues and skills it expects,
/// for seeding an empty database (host option --demo) and for tests.
/// </summary>
public static class DemoHotline
{
    public const string TreeResourceName = "Telephony.Ivr.Demo.edu-hotline.json";

    /// <summary>Id of the schedule the tree's hours branch uses.</summary>
    public const string ScheduleId = "office";

    /// <summary>One queue per topic; "general" also takes the operator key and callbacks.</summary>
    public static IReadOnlyList<string> Queues { get; } = ["admission", "employment", "transfers", "recognition", "general"];

    /// <summary>Topic skills ("topic:" + queue) and the language skills of the three enabled languages.</summary>
    public static IReadOnlyList<string> Skills { get; } =
    [
        "topic:admission", "topic:employment", "topic:transfers", "topic:recognition", "topic:general",
        QueueNode.LanguageSkillFor(Language.Az), QueueNode.LanguageSkillFor(Language.Ru), QueueNode.LanguageSkillFor(Language.En),
    ];

    /// <summary>
    /// The demo tree. With <paramref name="alwaysOpen"/> (host option --demo-always-open) its schedule is open every
    /// day around the clock and ignores holidays, for trying the line at night and for end-to-end tests.
    /// </summary>
    public static MenuTree LoadTree(bool alwaysOpen = false)
    {
        using var stream = OpenResource(TreeResourceName);
        var tree = IvrJson.ReadMenuTree(stream);
        return alwaysOpen ? tree with { Schedules = new Dictionary<string, HoursSchedule> { [ScheduleId] = AroundTheClock(tree.Schedules[ScheduleId]) } } : tree;
    }

    /// <summary>What the demo tree may refer to: the demo queues and skills and the Azerbaijani holiday calendar.</summary>
    public static MenuTreeValidationContext ValidationContext() => new()
    {
        Queues = Queues,
        Skills = Skills,
        HolidayCalendars = new Dictionary<string, HolidayCalendar> { [PublicHolidays.AzerbaijanId] = PublicHolidays.Azerbaijan() },
    };

    private static HoursSchedule AroundTheClock(HoursSchedule schedule) => schedule with
    {
        Weekly = [new WeeklyHours { Days = Enum.GetValues<DayOfWeek>(), Open = TimeOnly.MinValue, Close = TimeOnly.MinValue }],
        HolidayCalendars = [],
        Closures = [],
    };

    private static Stream OpenResource(string name) => typeof(DemoHotline).Assembly.GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"Embedded resource {name} is missing from the build.");
}
