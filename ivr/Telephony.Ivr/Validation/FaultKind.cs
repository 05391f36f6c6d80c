namespace Telephony.Ivr.Validation;

/// <summary>What is wrong; the admin pages group and filter faults by it.</summary>
public enum FaultKind
{
    /// <summary>Tree-level setting is wrong: no languages, default language not enabled, bad id.</summary>
    InvalidTree,

    /// <summary>The start node does not exist.</summary>
    MissingStartNode,

    /// <summary>A link names a node that does not exist.</summary>
    MissingTarget,

    /// <summary>No path from the start node leads here.</summary>
    UnreachableNode,

    /// <summary>A prompt lacks text and audio in an enabled language.</summary>
    MissingPrompt,

    /// <summary>A cycle of nodes none of which waits for the caller's keys: the call would spin forever.</summary>
    LoopWithoutInput,

    /// <summary>A DTMF key is not a single 0–9, * or #, is used twice, or offers a language that is not enabled.</summary>
    InvalidOption,

    /// <summary>A numeric or text setting is out of range (timeout, retries, lengths, say literal).</summary>
    InvalidSetting,

    /// <summary>A regular expression does not compile.</summary>
    InvalidPattern,

    /// <summary>A say node reads a variable nothing sets.</summary>
    UnknownVariable,

    UnknownQueue,

    UnknownSkill,

    /// <summary>An hours-branch names a schedule the tree does not have.</summary>
    UnknownSchedule,

    /// <summary>A schedule names a holiday calendar that is not known.</summary>
    UnknownHolidayCalendar,

    /// <summary>The schedule's time zone id is not a time zone this server knows.</summary>
    UnknownTimeZone,

    /// <summary>Opening time is not before closing time, or a weekly entry has no days.</summary>
    InvalidHours,

    /// <summary>Two opening intervals of the same weekday overlap.</summary>
    OverlappingHours,

    /// <summary>A holiday or closure ends before it starts or lies outside plausible years.</summary>
    InvalidDate,

    /// <summary>A holiday or closure has no name in an enabled language.</summary>
    MissingName,

    /// <summary>A transfer number is not on the allowlist or not an E.164 number.</summary>
    TransferNotAllowed,
}
