using System.Globalization;
using System.Text.RegularExpressions;

namespace Telephony.Host.Tests.EndToEnd.Acd;

/// <summary>One row of tshark's "-z rtp,streams" table: a stream by addresses and SSRC, its packets, loss and inter-packet deltas.</summary>
internal sealed partial record RtpStreamStatistics(
    int SourcePort, int DestinationPort, string Ssrc, string Payload, int Packets, int Lost, double LostPercent, double MaxDeltaMs, double MaxJitterMs)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{SourcePort}→{DestinationPort} {Ssrc} {Payload}: {Packets} packets, {Lost} lost ({LostPercent}%), max delta {MaxDeltaMs} ms, max jitter {MaxJitterMs} ms");

    /// <summary>Reads the rows of tshark 4's table (start, end, source, port, destination, port, SSRC, payload, packets, lost (%), deltas, jitters).</summary>
    public static IReadOnlyList<RtpStreamStatistics> Parse(string output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var rows = new List<RtpStreamStatistics>();
        foreach (var line in output.Split('\n'))
        {
            var match = Row().Match(line);
            if (!match.Success)
            {
                continue;
            }

            rows.Add(new RtpStreamStatistics(
                Number<int>(match, "sport"),
                Number<int>(match, "dport"),
                match.Groups["ssrc"].Value,
                match.Groups["payload"].Value.Trim(),
                Number<int>(match, "packets"),
                Number<int>(match, "lost"),
                Number<double>(match, "percent"),
                Number<double>(match, "maxdelta"),
                Number<double>(match, "maxjitter")));
        }

        return rows;
    }

    private static T Number<T>(Match match, string group)
        where T : IParsable<T> => T.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(
        @"^\s*[\d.]+\s+[\d.]+\s+\S+\s+(?<sport>\d+)\s+\S+\s+(?<dport>\d+)\s+(?<ssrc>0x[0-9A-Fa-f]+)\s+(?<payload>.+?)\s+(?<packets>\d+)\s+(?<lost>-?\d+)\s+\((?<percent>-?[\d.]+)%\)"
        + @"\s+[\d.]+\s+[\d.]+\s+(?<maxdelta>[\d.]+)\s+[\d.]+\s+[\d.]+\s+(?<maxjitter>[\d.]+)")]
    private static partial Regex Row();
}
