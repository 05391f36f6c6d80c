namespace Telephony.Acd.Routing;

/// <summary>Ring the agent's phone with the caller; report <see cref="AcdEngine.Answer"/> or <see cref="AcdEngine.RingFailed"/>.</summary>
public sealed record RingAgent(string AgentId, string Extension, string CallId, string QueueId, TimeSpan RingTimeout) : AcdCommand;
