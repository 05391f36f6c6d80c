using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Telephony.TestKit.Host;

/// <summary>
/// The real server as a separate process (the same binary deploy/run starts), on free loopback ports,
/// with its console output kept for assertions and for diagnosing a failed test.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private HostProcess(Process process, int httpPort, int sipPort, string dataDirectory)
    {
        _process = process;
        HttpPort = httpPort;
        SipPort = sipPort;
        DataDirectory = dataDirectory;
        Http = new HttpClient { BaseAddress = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{httpPort}/")), Timeout = TimeSpan.FromSeconds(30) };
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int HttpPort { get; }

    public int SipPort { get; }

    public string DataDirectory { get; }

    public HttpClient Http { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Output => string.Join('\n', _output);

    /// <summary>Starts the host. Without a connection string it starts its embedded PostgreSQL under the data directory.</summary>
    public static HostProcess Start(string? connectionString = null, string? dataDirectory = null, params string[] extraArguments) =>
        StartWithEnvironment(new Dictionary<string, string>(), connectionString, dataDirectory, extraArguments);

    /// <summary>Starts the host with extra environment variables (configuration keys such as Calls__Media__PortMin).</summary>
    public static HostProcess StartWithEnvironment(
        IReadOnlyDictionary<string, string> environment, string? connectionString, string? dataDirectory, params string[] extraArguments)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var httpPort = FreePort.Tcp();
        var sipPort = FreePort.UdpAndTcp();
        dataDirectory ??= Directory.CreateTempSubdirectory("telephony-host-").FullName;
        var arguments = new List<string>
        {
            "--http", string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{httpPort}"),
            "--sip", string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{sipPort}"),
            "--data", dataDirectory,
        };
        if (connectionString is not null)
        {
            arguments.AddRange(["--db", connectionString]);
        }

        arguments.AddRange(extraArguments);
        return new HostProcess(Launch(arguments, environment), httpPort, sipPort, dataDirectory);
    }

    /// <summary>Runs the host binary with exactly these arguments, for tests of how it refuses bad ones.</summary>
    public static async Task<(int ExitCode, string StandardError)> RunToExitAsync(IEnumerable<string> arguments, TimeSpan timeout)
    {
        using var process = Launch(arguments, new Dictionary<string, string>());
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cts.Token);
        await stdout;
        return (process.ExitCode, await stderr);
    }

    /// <summary>Waits until /healthz answers with the given status (200 by default).</summary>
    public async Task WaitForHealthAsync(TimeSpan timeout, int expectedStatus = 200)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The host exited with code {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await Http.GetAsync(new Uri("healthz", UriKind.Relative));
                last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                if ((int)response.StatusCode == expectedStatus)
                {
                    return;
                }
            }
            catch (HttpRequestException ex)
            {
                last = ex.Message;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"/healthz did not answer {expectedStatus} within {timeout}; last: {last}\n{Output}");
    }

    /// <summary>SIGTERM, then wait for the process to exit.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        if (!_process.HasExited)
        {
            UnixSignal.Send(_process.Id, UnixSignal.Terminate);
        }

        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            try
            {
                await TerminateAsync(TimeSpan.FromSeconds(30));
            }
            catch (OperationCanceledException)
            {
                await KillAsync();
            }
        }

        _process.Dispose();
    }

    private static Process Launch(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(RepositoryPaths.HostAssembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";

        // Hundreds of espeak-ng runs per host would only slow the suite; tests that speak numbers render what they need.
        start.Environment["Telephony__Tts__RenderVocabularyAtStart"] = "false";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start) ?? throw new InvalidOperationException("Could not start the host");
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }
}
