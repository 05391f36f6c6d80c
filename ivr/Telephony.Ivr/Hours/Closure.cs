using System.Collections.ObjectModel;
using Telephony.Ivr.Model;

namespace Telephony.Ivr.Hours;

/// <summary>A one-off closure, [From, To), e.g. a power cut or a staff meeting; the offsets make the instants exact.</summary>
public sealed record Closure
{
    public required DateTimeOffset From { get; init; }

    public required DateTimeOffset To { get; init; }

    /// <summary>Reason per language, for the admin pages and, where the tree says so, for the caller.</summary>
    public IReadOnlyDictionary<Language, string> Name { get; set; } = ReadOnlyDictionary<Language, string>.Empty;
}
