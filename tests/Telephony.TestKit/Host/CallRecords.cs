using System.Text.Json;

namespace Telephony.TestKit.Host;

/// <summary>Reads a host's call records the way a supervisor does (GET /api/calls).</summary>
public static class CallRecords
{
    /// <summary>The record of the call from <paramref name="caller"/>, once the host's write-behind writer stored it (up to 30 s).</summary>
    public static async Task<JsonElement> WaitForAsync(HttpClient supervisor, string caller)
    {
        ArgumentNullException.ThrowIfNull(supervisor);
        for (var i = 0; i < 150; i++)
        {
            using var calls = JsonDocument.Parse(await supervisor.GetStringAsync(new Uri("api/calls", UriKind.Relative)));
            foreach (var call in calls.RootElement.EnumerateArray())
            {
                if (call.GetProperty("caller").GetString() == caller)
                {
                    return call.Clone();
                }
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("no call record for " + caller);
    }
}
