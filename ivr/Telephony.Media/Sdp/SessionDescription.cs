using System.Diagnostics.CodeAnalysis;

namespace Telephony.Media.Sdp;

/// <summary>
/// A session description (RFC 8866, formerly RFC 4566). Parsed with <see cref="TryParse"/>,
/// serialised with <see cref="ToString"/> (CRLF line ends, lines in the order the RFC prescribes).
/// Lines we do not model (i, u, e, p, z, k, r) are accepted and dropped.
/// </summary>
public sealed record SessionDescription
{
    /// <summary>The <c>o=</c> line.</summary>
    public required SdpOrigin Origin { get; init; }

    /// <summary>The <c>s=</c> line; <c>-</c> when the author has no name for the session.</summary>
    public string SessionName { get; init; } = "-";

    /// <summary>The session-level connection, used by media sections without their own.</summary>
    public SdpConnection? Connection { get; init; }

    /// <summary>Session-level <c>b=</c> values.</summary>
    public IReadOnlyList<string> Bandwidths { get; init; } = [];

    /// <summary>The <c>t=</c> start time (0 for unbounded sessions, as SIP uses).</summary>
    public ulong StartTime { get; init; }

    /// <summary>The <c>t=</c> stop time.</summary>
    public ulong StopTime { get; init; }

    /// <summary>Session-level attributes.</summary>
    public IReadOnlyList<SdpAttribute> Attributes { get; init; } = [];

    /// <summary>The media sections in order; offer and answer pair them by position.</summary>
    public IReadOnlyList<MediaDescription> Media { get; init; } = [];

    /// <summary>The session-level direction, or send/receive when absent.</summary>
    public SdpDirection SessionDirection
    {
        get
        {
            foreach (var attribute in Attributes)
            {
                if (attribute.Value is null && SdpDirectionExtensions.TryParse(attribute.Name, out var direction))
                {
                    return direction;
                }
            }

            return SdpDirection.SendRecv;
        }
    }

    /// <summary>The effective direction of a media section (its own attribute, else the session's).</summary>
    public SdpDirection DirectionOf(MediaDescription media)
    {
        ArgumentNullException.ThrowIfNull(media);
        return media.Direction ?? SessionDirection;
    }

    /// <summary>The effective connection of a media section (its own, else the session's).</summary>
    public SdpConnection? ConnectionOf(MediaDescription media)
    {
        ArgumentNullException.ThrowIfNull(media);
        return media.Connection ?? Connection;
    }

    /// <summary>Parses SDP text (CRLF or LF line ends). On failure <paramref name="error"/> names the line.</summary>
    public static bool TryParse(string text, [NotNullWhen(true)] out SessionDescription? description, [NotNullWhen(false)] out string? error) =>
        SdpParser.TryParse(text, out description, out error);

    /// <summary>Parses SDP text, throwing <see cref="FormatException"/> when malformed.</summary>
    public static SessionDescription Parse(string text) =>
        TryParse(text, out var description, out var error) ? description : throw new FormatException(error);

    /// <summary>The SDP text, CRLF line ends.</summary>
    public override string ToString() => SdpWriter.Write(this);
}
