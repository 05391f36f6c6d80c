namespace Telephony.Host.Acd;

/// <summary>A configuration built in code: tests, and a host running without the ACD store.</summary>
public sealed class StaticAcdConfigurationSource(AcdConfiguration configuration) : IAcdConfigurationSource
{
    public Task<AcdConfiguration> LoadAsync(CancellationToken cancellationToken) => Task.FromResult(configuration);
}
