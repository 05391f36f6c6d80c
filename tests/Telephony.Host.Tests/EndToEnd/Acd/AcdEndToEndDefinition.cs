namespace Telephony.Host.Tests.EndToEnd.Acd;

/// <summary>
/// The ACD end-to-end tests share one demo host and run one after another: they move the same agents between
/// statuses, and the RTP quality test must not share the two cores with a burst of other calls — so the collection
/// also runs alone, after every parallel test class has finished (its 40 ms gap bound is a timing claim).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AcdEndToEndDefinition : ICollectionFixture<AcdHostFixture>
{
    public const string Name = "ACD end to end";
}
