using System.Globalization;
using System.Text;

namespace Telephony.LoadGenerator.Sip;

/// <summary>The two facts the generator needs from the server's SDP: where to send RTP and whether PCMU was kept.</summary>
internal readonly record struct SdpAnswer(string Address, int Port, bool HasPcmu)
{
    /// <summary>Reads the session or audio c= line and the audio m= line; false when either is missing.</summary>
    public static bool TryParse(ReadOnlySpan<byte> body, out SdpAnswer answer)
    {
        answer = default;
        string? address = null;
        int port = 0;
        var pcmu = false;
        foreach (var rawLine in Encoding.ASCII.GetString(body).Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            if (line.StartsWith("c=IN IP4 ", StringComparison.Ordinal))
            {
                address = line["c=IN IP4 ".Length..].Trim();
            }
            else if (line.StartsWith("m=audio ", StringComparison.Ordinal))
            {
                var fields = line.Split(' ');
                if (fields.Length < 4 || !int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out port))
                {
                    return false;
                }

                pcmu = fields.Skip(3).Contains("0");
            }
        }

        if (address is null || port <= 0)
        {
            return false;
        }

        answer = new SdpAnswer(address, port, pcmu);
        return true;
    }
}
