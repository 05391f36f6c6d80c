namespace Telephony.Acd.Store.Callbacks;

/// <summary>Where a queued callback stands (acd_callbacks.state).</summary>
public enum CallbackState
{
    /// <summary>Waiting for its place to come up (or for its retry after an unanswered dial).</summary>
    Pending,

    /// <summary>An agent answered for it and the citizen is being dialled or talked to.</summary>
    Dialling,

    /// <summary>The citizen answered, or the number may not be dialled: nothing more to do.</summary>
    Completed,

    /// <summary>Every attempt went unanswered.</summary>
    GivenUp,
}
