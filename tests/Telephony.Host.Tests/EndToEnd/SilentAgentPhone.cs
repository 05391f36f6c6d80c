using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Telephony.TestKit.Host;

namespace Telephony.Host.Tests.EndToEnd;

/// <summary>
/// An agent's phone that registers with the registrar (sipsak, from a port of its own) and then never answers: the
/// test holds that port and notes every INVITE that reaches it (which host sent it, which call), so each offer rings
/// for the queue's whole ring timeout.
/// </summary>
internal sealed class SilentAgentPhone : IAsyncDisposable
{
    private readonly UdpClient _socket;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, int> _senderByCallId = new(StringComparer.Ordinal);
    private readonly Task _receiving;

    private SilentAgentPhone(string extension, UdpClient socket)
    {
        Extension = extension;
        _socket = socket;
        _receiving = ReceiveAsync();
    }

    public string Extension { get; }

    /// <summary>Distinct INVITEs received (retransmissions counted once), as SIP port of the sending host → calls.</summary>
    public IReadOnlyDictionary<int, int> InvitesBySenderPort =>
        _senderByCallId.Values.GroupBy(port => port).ToDictionary(group => group.Key, group => group.Count());

    public static async Task<SilentAgentPhone> RegisterAsync(string extension, string sipPassword, int registrarPort)
    {
        var log = string.Empty;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var port = FreePort.UdpAndTcp();
            var (exitCode, output) = await ExternalTool.RunAsync("sipsak", TimeSpan.FromSeconds(30),
                "-U", "-l", port.ToString(CultureInfo.InvariantCulture),
                "-C", $"sip:{extension}@127.0.0.1:{port}", "-s", $"sip:{extension}@127.0.0.1:{registrarPort}",
                "-a", sipPassword, $"--auth-username={extension}", "-x", "600");
            log = output;
            if (exitCode != 0)
            {
                continue;
            }

            try
            {
                return new SilentAgentPhone(extension, new UdpClient(new IPEndPoint(IPAddress.Loopback, port)));
            }
            catch (SocketException)
            {
                // Someone took the port between sipsak's exit and our bind: register again from another.
            }
        }

        throw new InvalidOperationException($"Agent {extension} could not register: {log}");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        try
        {
            await _receiving;
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task ReceiveAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var datagram = await _socket.ReceiveAsync(_stop.Token);
            var text = Encoding.ASCII.GetString(datagram.Buffer);
            if (!text.StartsWith("INVITE ", StringComparison.Ordinal))
            {
                continue;
            }

            var callId = text.Split("\r\n").FirstOrDefault(line =>
                line.StartsWith("Call-ID:", StringComparison.OrdinalIgnoreCase) || line.StartsWith("i:", StringComparison.Ordinal));
            if (callId is not null)
            {
                _senderByCallId.TryAdd(callId[(callId.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim(), datagram.RemoteEndPoint.Port);
            }
        }
    }
}
