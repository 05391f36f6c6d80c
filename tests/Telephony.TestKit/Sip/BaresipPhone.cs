using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Telephony.TestKit.Host;

namespace Telephony.TestKit.Sip;

/// <summary>
/// A real SIP phone for end-to-end tests: one baresip process on loopback, driven over its ctrl_tcp socket
/// (netstring-framed JSON commands; call and registration events come back the same way). What it heard and what it
/// sent are kept by baresip's sndfile module as dump-*-dec.wav and dump-*-enc.wav in <see cref="Directory"/>.
/// </summary>
public sealed class BaresipPhone : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly ConcurrentQueue<BaresipEvent> _events = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly SemaphoreSlim _signal = new(0);
    private readonly TcpClient _control;
    private readonly NetworkStream _stream;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;
    private int _token;

    private BaresipPhone(string directory, int sipPort, Process process, TcpClient control)
    {
        Directory = directory;
        SipPort = sipPort;
        _process = process;
        _control = control;
        _stream = control.GetStream();
        _reader = Task.Run(ReadEventsAsync);
    }

    /// <summary>The phone's working directory: config, accounts, the sound it sends and the dumps of both directions.</summary>
    public string Directory { get; }

    /// <summary>The port the phone listens on for SIP (UDP and TCP; TLS on the next port).</summary>
    public int SipPort { get; }

    /// <summary>Everything baresip printed so far, for assertion messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Every event received so far, oldest first.</summary>
    public IReadOnlyList<BaresipEvent> Events => [.. _events];

    /// <summary>Writes the phone's configuration and starts it; returns once its control socket answers.</summary>
    public static async Task<BaresipPhone> StartAsync(BaresipPhoneOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var directory = System.IO.Directory.CreateTempSubdirectory("baresip-" + options.User + "-").FullName;
        var source = options.AudioSource;
        if (source is null)
        {
            source = Path.Combine(directory, "tone.wav");
            await AudioAnalysis.CreateToneAsync(source, options.ToneHz, TimeSpan.FromMinutes(5));
        }

        var sipPort = FreeSipPort();
        var controlPort = FreePort.Tcp();
        var rtpBase = FreeRtpRange();
        List<string> config =
        [
            "poll_method epoll",
            $"sip_listen 127.0.0.1:{sipPort}",
            "net_interface 127.0.0.1",
            $"rtp_ports {rtpBase}-{rtpBase + 99}",
            "audio_player aubridge,nil",
            "audio_alert aubridge,nil",
            $"audio_source aufile,{source}",
            "ausrc_srate 8000",
            "auplay_srate 8000",
            "ausrc_channels 1",
            "auplay_channels 1",
            "jitter_buffer_delay 5-10",
            "statmode_default off",
            "sip_verify_server no",
            "module_path /usr/lib/baresip/modules",
            "module g711.so",
            "module aufile.so",
            "module aubridge.so",
            "module sndfile.so",
            "module_tmp uuid.so",
            "module_tmp account.so",
            "module_app menu.so",
            "module_app ctrl_tcp.so",
            $"ctrl_tcp_listen 127.0.0.1:{controlPort}",
            $"snd_path {directory}",
            .. options.ExtraConfig,
        ];
        await File.WriteAllLinesAsync(Path.Combine(directory, "config"), config);
        await File.WriteAllTextAsync(Path.Combine(directory, "accounts"), AccountLine(options) + "\n");

        var start = new ProcessStartInfo("baresip")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in new[] { "-4", "-f", directory })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("baresip did not start");
        var control = await ConnectAsync(process, controlPort);
        var phone = new BaresipPhone(directory, sipPort, process, control);
        process.OutputDataReceived += (_, e) => phone.Append(e.Data);
        process.ErrorDataReceived += (_, e) => phone.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return phone;
    }

    /// <summary>Waits until the registrar accepted the phone's REGISTER (baresip prints "200 OK" with the binding).</summary>
    public Task WaitForRegistrationAsync(TimeSpan timeout) =>
        WaitForAsync(
            () => _events.Any(e => e.Type == "REGISTER_OK") || Output.Contains("200 OK", StringComparison.Ordinal),
            timeout,
            "registration");

    /// <summary>Dials a SIP URI (a new call).</summary>
    public Task DialAsync(string uri) => CommandAsync("dial", uri);

    /// <summary>Sends DTMF (RFC 4733) on the current call, e.g. "123#".</summary>
    public Task SendDigitsAsync(string digits) => CommandAsync("sndcode", digits);

    /// <summary>Answers the ringing call (for phones without auto-answer).</summary>
    public Task AcceptAsync() => CommandAsync("accept", null);

    /// <summary>Hangs up the current call.</summary>
    public Task HangupAsync() => CommandAsync("hangup", null);

    /// <summary>Blind transfer of the current call to <paramref name="uri"/> (baresip sends REFER).</summary>
    public Task TransferAsync(string uri) => CommandAsync("transfer", uri);

    /// <summary>Waits for an event of <paramref name="type"/> (for example CALL_ESTABLISHED or CALL_CLOSED) and returns it.</summary>
    public async Task<BaresipEvent> WaitForEventAsync(string type, TimeSpan timeout, int occurrence = 1)
    {
        BaresipEvent? found = null;
        await WaitForAsync(
            () =>
            {
                found = _events.Where(e => e.Type == type).Skip(occurrence - 1).FirstOrDefault();
                return found is not null;
            },
            timeout,
            type);
        return found!;
    }

    /// <summary>Files of what the phone heard in each call (decoded), oldest first.</summary>
    public IReadOnlyList<string> ReceivedAudio() => [.. System.IO.Directory.GetFiles(Directory, "dump-*-dec.wav").Order(StringComparer.Ordinal)];

    /// <summary>Files of what the phone sent in each call, oldest first.</summary>
    public IReadOnlyList<string> SentAudio() => [.. System.IO.Directory.GetFiles(Directory, "dump-*-enc.wav").Order(StringComparer.Ordinal)];

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                await CommandAsync("quit", null).WaitAsync(TimeSpan.FromSeconds(3));
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception e) when (e is TimeoutException or IOException or InvalidOperationException or SocketException)
            {
                // A phone that does not quit politely is killed below.
            }
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        await _stop.CancelAsync();
        _control.Dispose();
        await _reader.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _process.Dispose();
        _stop.Dispose();
        _signal.Dispose();
    }

    private static string AccountLine(BaresipPhoneOptions options)
    {
        var transport = options.Transport == "udp" ? string.Empty : ";transport=" + options.Transport;
        var line = options.Registrar is null
            ? $"<sip:{options.User}@127.0.0.1{transport}>;regint=0"
            : $"<sip:{options.User}@{options.Registrar}{transport}>;regint=600";
        if (options.Password is not null)
        {
            line += ";auth_pass=" + options.Password;
        }

        return options.AutoAnswer ? line + ";answermode=auto" : line;
    }

    /// <summary>
    /// A block of 100 RTP ports for the phone, below the kernel's ephemeral range, where most ports are free: baresip
    /// tries a limited number of ports in its range and dials nothing ("Address already in use") when another test or
    /// a load generator on the machine holds them all.
    /// </summary>
    private static int FreeRtpRange()
    {
        for (var attempt = 0; ; attempt++)
        {
            var rtpBase = 20000 + (Random.Shared.Next(0, 127) * 100);
            var free = 0;
            for (var port = rtpBase; port < rtpBase + 100; port += 2)
            {
                try
                {
                    using var probe = new UdpClient(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, port));
                    free++;
                }
                catch (SocketException)
                {
                    // Taken by someone else.
                }
            }

            if (free >= 40 || attempt == 20)
            {
                return rtpBase;
            }
        }
    }

    /// <summary>baresip binds UDP and TCP on the port and TLS on the next one, so both must be free.</summary>
    private static int FreeSipPort()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var port = FreePort.UdpAndTcp();
            try
            {
                using var tls = new TcpListener(System.Net.IPAddress.Loopback, port + 1);
                tls.Start();
                return port;
            }
            catch (SocketException)
            {
                // The TLS port is taken: try another pair.
            }
        }

        throw new InvalidOperationException("No pair of free loopback ports for baresip.");
    }

    private static async Task<TcpClient> ConnectAsync(Process process, int controlPort)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            var client = new TcpClient();
            try
            {
                await client.ConnectAsync(System.Net.IPAddress.Loopback, controlPort);
                return client;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                client.Dispose();
                await Task.Delay(100);
            }
            catch (SocketException)
            {
                client.Dispose();
                var output = process.HasExited ? await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync() : "(still running)";
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }

                process.Dispose();
                throw new InvalidOperationException("baresip's control socket never answered:\n" + output);
            }
        }
    }

    private async Task CommandAsync(string command, string? parameters)
    {
        var token = "t" + Interlocked.Increment(ref _token).ToString(CultureInfo.InvariantCulture);
        var reply = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[token] = reply;
        var json = JsonSerializer.Serialize(new Dictionary<string, string?> { ["command"] = command, ["params"] = parameters, ["token"] = token });
        var body = Encoding.UTF8.GetBytes(json);
        var frame = Encoding.ASCII.GetBytes(body.Length.ToString(CultureInfo.InvariantCulture) + ":").Concat(body).Append((byte)',').ToArray();
        await _stream.WriteAsync(frame);
        if (command == "quit")
        {
            return;
        }

        var response = await reply.Task.WaitAsync(TimeSpan.FromSeconds(10));
        if (response.TryGetProperty("ok", out var ok) && !ok.GetBoolean())
        {
            throw new InvalidOperationException($"baresip refused '{command} {parameters}': {response.GetRawText()}");
        }
    }

    private async Task ReadEventsAsync()
    {
        var buffer = new List<byte>();
        var chunk = new byte[4096];
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var read = await _stream.ReadAsync(chunk, _stop.Token);
                if (read == 0)
                {
                    return;
                }

                buffer.AddRange(chunk.AsSpan(0, read));
                while (TryTakeNetstring(buffer, out var message))
                {
                    Dispatch(message);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The phone quit or the test ended.
        }
    }

    private static bool TryTakeNetstring(List<byte> buffer, out byte[] message)
    {
        message = [];
        var colon = buffer.IndexOf((byte)':');
        if (colon < 0)
        {
            return false;
        }

        var length = int.Parse(Encoding.ASCII.GetString([.. buffer.Take(colon)]), CultureInfo.InvariantCulture);
        if (buffer.Count < colon + 1 + length + 1)
        {
            return false;
        }

        message = [.. buffer.Skip(colon + 1).Take(length)];
        buffer.RemoveRange(0, colon + 1 + length + 1);
        return true;
    }

    private void Dispatch(byte[] message)
    {
        using var document = JsonDocument.Parse(message);
        var root = document.RootElement.Clone();
        if (root.TryGetProperty("event", out var isEvent) && isEvent.ValueKind == JsonValueKind.True)
        {
            _events.Enqueue(new BaresipEvent(Text(root, "type") ?? "?", Text(root, "param"), Text(root, "peeruri"), root));
            _signal.Release();
        }
        else if (Text(root, "token") is { } token && _pending.TryRemove(token, out var reply))
        {
            reply.TrySetResult(root);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        _signal.Release();
    }

    private async Task WaitForAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || _process.HasExited)
            {
                throw new TimeoutException($"baresip {Path.GetFileName(Directory)}: no {what} within {timeout}. Events: "
                    + string.Join("; ", _events) + "\nOutput:\n" + Output);
            }

            await _signal.WaitAsync(left < TimeSpan.FromMilliseconds(200) ? left : TimeSpan.FromMilliseconds(200));
        }
    }
}
