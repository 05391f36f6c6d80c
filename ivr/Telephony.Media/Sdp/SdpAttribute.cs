namespace Telephony.Media.Sdp;

/// <summary>An <c>a=</c> line: a property (<c>a=sendrecv</c>) or a name/value pair (<c>a=ptime:20</c>).</summary>
/// <param name="Name">The attribute name.</param>
/// <param name="Value">The value after the colon, or null for a property attribute.</param>
public sealed record SdpAttribute(string Name, string? Value = null)
{
    /// <inheritdoc />
    public override string ToString() => Value is null ? Name : $"{Name}:{Value}";
}
