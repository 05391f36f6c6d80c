using Telephony.Acd.Agents;
using Telephony.Acd.Events;
using Telephony.Acd.Store.Status;
using Telephony.TestKit.Postgres;

namespace Telephony.Acd.Store.Tests.Status;

public sealed class AgentStatusLogTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    private AgentStatusLog Log => new(database.DataSource);

    public async Task InitializeAsync()
    {
        await AcdStoreDatabase.MigrateAsync(database);
        await AcdStoreDatabase.AddAgentsAsync(database.DataSource, ["s1", "s2", "s3", "s4", "s5"]);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static AgentStatusEntry Status(string agent, AgentStatusTransition transition, AgentStatus from, AgentStatus to, string? reason, int minute) =>
        AgentStatusLog.EntryFor(new AgentStatusChanged(agent, transition, from, to, reason, Morning.AddMinutes(minute)))!;

    [Fact]
    public void EntryFor_maps_status_and_state_events_and_skips_others()
    {
        var status = AgentStatusLog.EntryFor(new AgentStatusChanged("s1", AgentStatusTransition.TakeBreak, AgentStatus.Available, AgentStatus.OnBreak, "lunch", Morning), "supervisor-1");
        var state = AgentStatusLog.EntryFor(new AgentStateChanged("s1", AgentStateTransition.Answer, AgentState.Ringing, AgentState.OnCall, "call-1", Morning));

        Assert.Equal(("s1", "status", "onBreak", "lunch", "supervisor-1"), (status!.AgentId, status.Kind, status.Value, status.Reason, status.ChangedBy));
        Assert.Equal(("state", "onCall", Morning), (state!.Kind, state.Value, state.At));
        Assert.Null(AgentStatusLog.EntryFor(new CallEnded("call-1", "q", "s1", TimeSpan.FromMinutes(2), Morning)));
    }

    [Fact]
    public async Task CurrentStatus_is_the_last_status_ignoring_later_states()
    {
        await Log.WriteAsync(
        [
            Status("s1", AgentStatusTransition.LogIn, AgentStatus.LoggedOut, AgentStatus.Available, null, 0),
            Status("s1", AgentStatusTransition.TakeBreak, AgentStatus.Available, AgentStatus.OnBreak, "training", 5),
            AgentStatusLog.EntryFor(new AgentStateChanged("s1", AgentStateTransition.Reserve, AgentState.Idle, AgentState.Reserved, "c", Morning.AddMinutes(6)))!,
        ], CancellationToken.None);

        var current = await Log.CurrentStatusAsync("s1", CancellationToken.None);

        Assert.Equal(new AgentStatusSnapshot("s1", AgentStatus.OnBreak, "training", Morning.AddMinutes(5)), current);
        Assert.Null(await Log.CurrentStatusAsync("s5", CancellationToken.None));
    }

    [Fact]
    public async Task CurrentStatuses_lists_each_agents_latest()
    {
        await Log.WriteAsync(
        [
            Status("s2", AgentStatusTransition.LogIn, AgentStatus.LoggedOut, AgentStatus.Available, null, 0),
            Status("s3", AgentStatusTransition.LogIn, AgentStatus.LoggedOut, AgentStatus.Available, null, 1),
            Status("s3", AgentStatusTransition.LogOut, AgentStatus.Available, AgentStatus.LoggedOut, null, 2),
        ], CancellationToken.None);

        var current = await Log.CurrentStatusesAsync(CancellationToken.None);

        Assert.Equal(AgentStatus.Available, current.Single(s => s.AgentId == "s2").Status);
        Assert.Equal(AgentStatus.LoggedOut, current.Single(s => s.AgentId == "s3").Status);
    }

    [Fact]
    public async Task Write_same_entries_twice_stores_them_once()
    {
        AgentStatusEntry[] entries = [Status("s4", AgentStatusTransition.LogIn, AgentStatus.LoggedOut, AgentStatus.Available, null, 30)];

        await Log.WriteAsync(entries, CancellationToken.None);
        await Log.WriteAsync(entries, CancellationToken.None);

        Assert.Equal(1, await AcdStoreDatabase.CountAsync(database.DataSource, "SELECT count(*) FROM acd_agent_status_log WHERE agent_id = 's4'"));
    }
}
