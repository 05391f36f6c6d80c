using Telephony.Acd.Store.Demo;
using Telephony.Host.Acd;

namespace Telephony.Host.Tests.Calls;

/// <summary>The demo hotline's ACD (the store's <see cref="DemoAcd"/>) as the in-process dispatcher loads it.</summary>
public static class TestAcd
{
    /// <summary>The demo queues and agents 1001–1004, all Available, as the host starts them with --demo.</summary>
    public static AcdConfiguration Demo() => new(DemoAcd.Queues, DemoAcd.Agents) { InitiallyAvailable = [.. DemoAcd.Agents.Select(agent => agent.Extension)] };

    /// <summary>The same with everyone logged out, as a real site starts.</summary>
    public static AcdConfiguration DemoNobodyLoggedIn() => Demo() with { InitiallyAvailable = [] };
}
