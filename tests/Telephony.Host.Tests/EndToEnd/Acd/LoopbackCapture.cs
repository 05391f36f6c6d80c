using System.Diagnostics;
using System.Text;
using Telephony.TestKit.Host;

namespace Telephony.Host.Tests.EndToEnd.Acd;

/// <summary>
/// tshark writing what crosses the loopback interface to a pcap file, for the duration of a test step.
/// Capturing on lo needs root (or dumpcap's capabilities), which the test machine has.
/// </summary>
internal sealed class LoopbackCapture : IAsyncDisposable
{
    private const int Interrupt = 2;
    private readonly Process _process;
    private readonly StringBuilder _messages = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LoopbackCapture(Process process, string file)
    {
        _process = process;
        File = file;
    }

    public string File { get; }

    /// <summary>Starts capturing packets that match the BPF <paramref name="filter"/>; returns once tshark says it captures.</summary>
    public static async Task<LoopbackCapture> StartAsync(string filter)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("capture-").FullName, "call.pcap");
        var start = new ProcessStartInfo("tshark") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-i", "lo", "-f", filter, "-w", file })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("tshark did not start");
        var capture = new LoopbackCapture(process, file);
        process.ErrorDataReceived += (_, e) => capture.OnMessage(e.Data);
        process.OutputDataReceived += (_, e) => capture.OnMessage(e.Data);
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            await capture._started.Task.WaitAsync(TimeSpan.FromSeconds(20));
        }
        catch (TimeoutException)
        {
            await capture.DisposeAsync();
            throw new InvalidOperationException("tshark did not start capturing: " + capture.Messages);
        }

        return capture;
    }

    public string Messages
    {
        get
        {
            lock (_messages)
            {
                return _messages.ToString();
            }
        }
    }

    /// <summary>Stops tshark with SIGINT (it then finishes the file) and waits for it.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            UnixSignal.Send(_process.Id, Interrupt);
        }

        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
    }

    /// <summary>tshark's RTP stream table of the file (every UDP packet tried as RTP).</summary>
    public async Task<IReadOnlyList<RtpStreamStatistics>> RtpStreamsAsync()
    {
        var (exitCode, output) = await ExternalTool.RunAsync("tshark", TimeSpan.FromSeconds(60),
            "-r", File, "-o", "rtp.heuristic_rtp:TRUE", "-q", "-z", "rtp,streams");
        if (exitCode != 0)
        {
            throw new InvalidOperationException("tshark could not read the capture: " + output);
        }

        return RtpStreamStatistics.Parse(output);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void OnMessage(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_messages)
        {
            _messages.AppendLine(line);
        }

        if (line.Contains("Capturing on", StringComparison.Ordinal))
        {
            _started.TrySetResult();
        }
    }
}
