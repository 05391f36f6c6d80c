namespace Telephony.Calls.MediaPlane.Paced;

/// <summary>Whoever schedules datagrams on a <see cref="PacedDatagramSender"/>: a leg's endpoint, which keeps its socket open until all are done.</summary>
internal interface IPacedDatagramOwner
{
    /// <summary>A number no other live owner uses (below 2^63): cancelling matches the owner's waiting datagrams by it.</summary>
    long PacingTag { get; }

    /// <summary>One scheduled datagram is done: sent (bytes), failed or cancelled (a negative errno). Called on the media thread.</summary>
    void OnPacedSendFinished(int result);
}
