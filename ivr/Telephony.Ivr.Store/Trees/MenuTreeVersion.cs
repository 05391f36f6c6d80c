namespace Telephony.Ivr.Store.Trees;

/// <summary>One published version of a tree, for the version history.</summary>
public sealed record MenuTreeVersion
{
    public required string TreeId { get; init; }

    public required int Version { get; init; }

    public required string CreatedBy { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset PublishedAt { get; init; }

    public required string PublishedBy { get; init; }

    /// <summary>For a rollback, the earlier version whose document this version republished.</summary>
    public int? RolledBackFrom { get; init; }

    /// <summary>True for the one version new calls start with.</summary>
    public bool InForce { get; init; }
}
