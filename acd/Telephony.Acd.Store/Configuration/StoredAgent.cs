using Telephony.Acd.Agents;

namespace Telephony.Acd.Store.Configuration;

/// <summary>An agent as stored: the routing profile plus the host's web account it belongs to and whether it is in service.</summary>
public sealed record StoredAgent(Agent Agent, long? AccountId, bool Active);
