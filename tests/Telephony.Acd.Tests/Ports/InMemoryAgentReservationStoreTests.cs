using Telephony.Acd.Ports;

namespace Telephony.Acd.Tests.Ports;

public sealed class InMemoryAgentReservationStoreTests
{
    [Fact]
    public async Task TryReserve_second_call_for_same_agent_fails_until_released()
    {
        var store = new InMemoryAgentReservationStore();

        Assert.True(await store.TryReserveAsync("a1", "c1", CancellationToken.None));
        Assert.True(await store.TryReserveAsync("a1", "c1", CancellationToken.None));
        Assert.False(await store.TryReserveAsync("a1", "c2", CancellationToken.None));

        await store.ReleaseAsync("a1", "c2", CancellationToken.None);
        Assert.Equal("c1", store.HolderOf("a1"));

        await store.ReleaseAsync("a1", "c1", CancellationToken.None);
        Assert.True(await store.TryReserveAsync("a1", "c2", CancellationToken.None));
    }
}
