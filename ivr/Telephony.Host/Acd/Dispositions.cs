using System.Collections.Frozen;

namespace Telephony.Host.Acd;

/// <summary>The wrap-up codes an agent chooses from; the pages translate them, call_records.disposition stores the code.</summary>
public static class Dispositions
{
    /// <summary>Longest notes stored with a call.</summary>
    public const int MaxNotesLength = 4_000;

    public static IReadOnlyList<string> Codes { get; } =
        ["resolved", "information-given", "appeal-registered", "callback-needed", "forwarded", "wrong-number", "other"];

    private static readonly FrozenSet<string> Known = Codes.ToFrozenSet(StringComparer.Ordinal);

    public static bool IsKnown(string? code) => code is not null && Known.Contains(code);
}
