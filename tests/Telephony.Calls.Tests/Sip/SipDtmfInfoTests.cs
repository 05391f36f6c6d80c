using System.Text;
using Telephony.Calls.Sip;

namespace Telephony.Calls.Tests.Sip;

public sealed class SipDtmfInfoTests
{
    public static TheoryData<string, string, string> Vectors()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Sip", "Data", "dtmf-info.txt")))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split('|');
            data.Add(fields[0], fields[1].Replace("\\n", "\r\n", StringComparison.Ordinal), fields[2]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void TryParse_info_body_yields_the_digit_or_nothing(string contentType, string body, string expected)
    {
        var parsed = SipDtmfInfo.TryParse(contentType, Encoding.ASCII.GetBytes(body), out var digit);

        Assert.Equal(expected == "none" ? null : expected, parsed ? digit.ToString() : null);
    }
}
