using Telephony.Host.Monitoring;

namespace Telephony.Host.Tests.Monitoring;

public sealed class CollectorSettingsTests
{
    [Fact]
    public void Server_collector_with_a_cap_is_described_with_its_heaps_and_cap_in_megabytes()
    {
        var described = CollectorSettings.Describe(new Dictionary<string, object>
        {
            ["ServerGC"] = true, ["HeapCount"] = 2L, ["GCGen0MaxBudget"] = 6291456L,
        });

        Assert.Equal("garbage collector: server, 2 heap(s), gen0 budget at most 6 MB per heap", described);
    }

    [Fact]
    public void Workstation_collector_without_a_cap_is_described_as_one_heap_uncapped()
    {
        var described = CollectorSettings.Describe(new Dictionary<string, object>
        {
            ["ServerGC"] = false, ["HeapCount"] = 1L, ["GCGen0MaxBudget"] = 0L,
        });

        Assert.Equal("garbage collector: workstation, 1 heap(s), gen0 budget uncapped", described);
    }
}
