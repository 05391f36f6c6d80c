namespace Telephony.Acd.Routing;

internal enum CallerState
{
    /// <summary>In its pool, eligible for the next free agent.</summary>
    Waiting,

    /// <summary>Out of its pool while one agent is reserved or ringing for it; it returns to the same place.</summary>
    Offering,
}
