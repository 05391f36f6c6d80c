namespace Telephony.Host.Identity;

/// <summary>The roles of the people who use the pages and the API.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Supervisor = "supervisor";
    public const string Qa = "qa";
    public const string Agent = "agent";

    public static IReadOnlyList<string> All { get; } = [Admin, Supervisor, Qa, Agent];
}
