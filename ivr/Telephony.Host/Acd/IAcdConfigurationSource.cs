namespace Telephony.Host.Acd;

/// <summary>Where the dispatcher reads its queues and agents at start (the ACD store implements it; tests build one in code).</summary>
public interface IAcdConfigurationSource
{
    Task<AcdConfiguration> LoadAsync(CancellationToken cancellationToken);
}
