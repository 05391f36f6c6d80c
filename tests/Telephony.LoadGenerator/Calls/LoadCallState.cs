namespace Telephony.LoadGenerator.Calls;

/// <summary>Where one generated call is.</summary>
internal enum LoadCallState
{
    /// <summary>INVITE sent, no final response yet.</summary>
    Inviting,

    /// <summary>200 received and acknowledged; media flows until the hold time is up.</summary>
    Answered,

    /// <summary>BYE sent, waiting for its 200.</summary>
    Ending,

    /// <summary>Finished, successfully or not.</summary>
    Done,
}
