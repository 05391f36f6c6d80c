using Telephony.Host.Acd;

namespace Telephony.Host.Tests.Calls;

/// <summary>A configuration built in code, for the in-process hotline; <see cref="FailuresLeft"/> makes the first loads fail like an absent database.</summary>
public sealed class StaticAcdConfigurationSource(AcdConfiguration configuration) : IAcdConfigurationSource
{
    private int _failuresLeft;

    public int FailuresLeft
    {
        get => Volatile.Read(ref _failuresLeft);
        set => Volatile.Write(ref _failuresLeft, value);
    }

    public int Loads { get; private set; }

    public Task<AcdConfiguration> LoadAsync(CancellationToken cancellationToken)
    {
        Loads++;
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            throw new InvalidOperationException("database away");
        }

        return Task.FromResult(configuration);
    }
}
