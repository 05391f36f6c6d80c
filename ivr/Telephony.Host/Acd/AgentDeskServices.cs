using Telephony.Host.Identity;

namespace Telephony.Host.Acd;

/// <summary>Registers the agent desktop and the supervisor page's services and the agents' page policy.</summary>
internal static class AgentDeskServices
{
    /// <summary>The agent desktop: accounts of role agent.</summary>
    public const string AgentPolicy = "agent-desk";

    public static IServiceCollection AddAgentDesk(this IServiceCollection services)
    {
        services.AddSingleton<AgentDesk>();
        services.AddSingleton<WrapUpStore>();
        services.AddSingleton<QueueDayCountsQuery>();
        services.AddSingleton<SupervisorBoard>();
        services.AddAuthorizationBuilder().AddPolicy(AgentPolicy, policy => policy.RequireRole(Roles.Agent));
        return services;
    }
}
