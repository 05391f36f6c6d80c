using Telephony.TestKit.Host;
using Telephony.TestKit.Sip;

namespace Telephony.Host.Tests.EndToEnd;

/// <summary>A citizen's baresip phone calling the demo hotline and choosing a language and a topic, so it lands in that topic's queue.</summary>
public static class DemoCaller
{
    /// <summary>The demo tree's prompts are rendered by espeak-ng right after it is published; keys typed before would be lost.</summary>
    public static async Task WaitForPromptsAsync(DemoHostFixture demo)
    {
        ArgumentNullException.ThrowIfNull(demo);
        var prompts = Path.Combine(demo.Host.DataDirectory, "prompts", "tts");
        for (var i = 0; i < 300 && (!Directory.Exists(prompts) || Directory.GetFiles(prompts).Length < 40); i++)
        {
            await Task.Delay(200);
        }
    }

    /// <summary>
    /// Dials 100 and types the keys ahead of the prompts: <paramref name="languageKey"/> during the greeting (1 az, 2 ru,
    /// 3 en), then <paramref name="topicKey"/> during the topic menu (1 admission … 0 general). The caller then waits in the queue.
    /// </summary>
    public static async Task<BaresipPhone> DialIntoQueueAsync(DemoHostFixture demo, string user, string languageKey, string topicKey)
    {
        ArgumentNullException.ThrowIfNull(demo);
        var phone = await BaresipPhone.StartAsync(new BaresipPhoneOptions { User = user, ToneHz = 440 });
        await phone.DialAsync($"sip:100@127.0.0.1:{demo.Host.SipPort}");
        await phone.WaitForEventAsync("CALL_ESTABLISHED", TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(9));
        await phone.SendDigitsAsync(languageKey);
        await Task.Delay(TimeSpan.FromSeconds(9));
        await phone.SendDigitsAsync(topicKey);
        return phone;
    }
}
