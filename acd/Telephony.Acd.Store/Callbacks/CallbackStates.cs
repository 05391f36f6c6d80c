namespace Telephony.Acd.Store.Callbacks;

/// <summary>The words acd_callbacks.state stores for each <see cref="CallbackState"/>.</summary>
internal static class CallbackStates
{
    public static string Word(CallbackState state) => state switch
    {
        CallbackState.Pending => "pending",
        CallbackState.Dialling => "dialling",
        CallbackState.Completed => "completed",
        CallbackState.GivenUp => "given_up",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "not a callback state"),
    };

    public static CallbackState Parse(string word) => word switch
    {
        "pending" => CallbackState.Pending,
        "dialling" => CallbackState.Dialling,
        "completed" => CallbackState.Completed,
        "given_up" => CallbackState.GivenUp,
        _ => throw new FormatException($"'{word}' is not a callback state"),
    };
}
