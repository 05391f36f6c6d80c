namespace Telephony.Acd.Routing;

/// <summary>Something the host must do for the engine. Execute a result's commands in the order given.</summary>
public abstract record AcdCommand;
