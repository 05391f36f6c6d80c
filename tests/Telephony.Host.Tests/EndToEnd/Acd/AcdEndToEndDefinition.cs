namespace Telephony.Host.Tests.EndToEnd.Acd;

/// <summary>
/// The ACD end-to-end tests share one demo host and run one after another: they move the same agents between
/// statuses, and the RTP quality test must not share the two cores with a burst of other calls.
/// </summary>
[CollectionDefinition(Name)]
public sealed class AcdEndToEndDefinition : ICollectionFixture<AcdHostFixture>
{
    public const string Name = "ACD end to end";
}
