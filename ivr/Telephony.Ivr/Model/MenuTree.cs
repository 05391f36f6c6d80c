using System.Collections.ObjectModel;
using System.Text.Json.Serialization;
using Telephony.Ivr.Hours;

namespace Telephony.Ivr.Model;

/// <summary>
/// A published voice menu: the document the admin pages edit, the validator checks and the interpreter runs.
/// A call keeps the tree version that was in force when it started.
/// </summary>
public sealed record MenuTree
{
    /// <summary>Shape of the JSON document; bumped only when the format changes incompatibly.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>Link to the JSON Schema for editors; ignored by the server.</summary>
    [JsonPropertyName("$schema")]
    public string? SchemaLink { get; init; }

    public int SchemaVersion { get; set; } = CurrentSchemaVersion;

    /// <summary>Stable id of the tree, e.g. "edu-hotline".</summary>
    public required string Id { get; init; }

    /// <summary>Revision of this tree; each publish increments it.</summary>
    public required int Version { get; init; }

    public string? Description { get; init; }

    /// <summary>Languages every prompt must exist in.</summary>
    public required IReadOnlyList<Language> Languages { get; init; }

    /// <summary>Language used before the caller chooses one.</summary>
    public required Language DefaultLanguage { get; init; }

    /// <summary>Id of the first node.</summary>
    public required string Start { get; init; }

    /// <summary>External numbers transfer nodes may dial (E.164); the host's configuration may add more.</summary>
    public IReadOnlyList<string> TransferAllowlist { get; set; } = [];

    /// <summary>Schedules by id, for hours-branch nodes.</summary>
    public IReadOnlyDictionary<string, HoursSchedule> Schedules { get; set; } = ReadOnlyDictionary<string, HoursSchedule>.Empty;

    /// <summary>Nodes by id.</summary>
    public required IReadOnlyDictionary<string, IvrNode> Nodes { get; init; }
}
