using Telephony.Ivr.Validation;

namespace Telephony.Ivr.Store.Trees;

/// <summary>What a save, publish or rollback did: the version it created (for a publish), or why it refused.</summary>
public sealed record TreeChangeResult(TreeChangeOutcome Outcome, int? Version, IReadOnlyList<ValidationFault> Faults)
{
    public static TreeChangeResult Saved { get; } = new(TreeChangeOutcome.Done, null, []);

    public static TreeChangeResult NotFound { get; } = new(TreeChangeOutcome.NotFound, null, []);

    public static TreeChangeResult Published(int version) => new(TreeChangeOutcome.Done, version, []);

    public static TreeChangeResult Invalid(IReadOnlyList<ValidationFault> faults) => new(TreeChangeOutcome.Invalid, null, faults);
}
