namespace Telephony.Host.Demo;

/// <summary>The shape of DATA/demo-credentials.json.</summary>
public sealed record DemoCredentials(IReadOnlyList<DemoAgentCredentials> Agents, IReadOnlyList<DemoUserCredentials> Users);

public sealed record DemoAgentCredentials(string Extension, string SipPassword, string WebUser, string WebPassword);

public sealed record DemoUserCredentials(string Role, string User, string Password);
