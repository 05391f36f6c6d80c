using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Telephony.Host.Database;

/// <summary>
/// A private PostgreSQL cluster run with the machine's own <c>initdb</c> and <c>pg_ctl</c>.
/// The host uses it when no external database is configured; the test kit uses the same code for its throwaway server.
/// PostgreSQL refuses to run as root, so as root the cluster belongs to the <c>postgres</c> user and the tools run through <c>runuser</c>.
/// </summary>
internal sealed class EmbeddedPostgres : IAsyncDisposable
{
    public const string SuperUser = "telephony";

    private readonly string _binDirectory;
    private readonly bool _asPostgresUser;
    private bool _stopped;

    private EmbeddedPostgres(string clusterDirectory, string binDirectory, bool asPostgresUser, int port, string password, string version)
    {
        ClusterDirectory = clusterDirectory;
        _binDirectory = binDirectory;
        _asPostgresUser = asPostgresUser;
        Port = port;
        Password = password;
        Version = version;
    }

    public string ClusterDirectory { get; }

    public int Port { get; }

    public string Password { get; }

    public string Version { get; }

    public string ConnectionString(string database) =>
        string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={Port};Username={SuperUser};Password={Password};Database={database}");

    /// <summary>
    /// Creates the cluster on first use, recovers from a previous run that did not stop it (a crash of the host),
    /// then starts it on a free loopback port.
    /// </summary>
    /// <param name="directory">Where the cluster lives (for the host: DATA/pg).</param>
    /// <param name="secretsDirectory">Where the generated superuser password is kept, outside the cluster.</param>
    public static async Task<EmbeddedPostgres> StartAsync(string directory, string secretsDirectory, CancellationToken cancellationToken)
    {
        var bin = FindBinDirectory();
        var asPostgres = Environment.IsPrivilegedProcess;
        Directory.CreateDirectory(secretsDirectory);
        var cluster = await PrepareClusterDirectoryAsync(directory, asPostgres, cancellationToken);
        var passwordFile = Path.Combine(secretsDirectory, "pg-password");

        if (!File.Exists(Path.Combine(cluster, "PG_VERSION")))
        {
            await InitializeAsync(bin, cluster, passwordFile, asPostgres, cancellationToken);
        }

        if (!File.Exists(passwordFile))
        {
            throw new InvalidOperationException($"The embedded cluster at {cluster} exists but its password file {passwordFile} is missing; remove the cluster directory to start afresh.");
        }

        var password = (await File.ReadAllTextAsync(passwordFile, cancellationToken)).Trim();
        var version = (await File.ReadAllTextAsync(Path.Combine(cluster, "PG_VERSION"), cancellationToken)).Trim();
        await RecoverStaleServerAsync(bin, cluster, asPostgres, cancellationToken);

        var port = FreeLoopbackPort();
        var serverOptions = string.Create(CultureInfo.InvariantCulture, $"-c listen_addresses=127.0.0.1 -p {port} -c unix_socket_directories=''");
        await RunToolAsync(bin, "pg_ctl", asPostgres, cancellationToken,
            "-D", cluster, "-o", serverOptions, "-l", Path.Combine(cluster, "server.log"), "-w", "-t", "60", "start");
        return new EmbeddedPostgres(cluster, bin, asPostgres, port, password, version);
    }

    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        await StopServerAsync(_binDirectory, ClusterDirectory, _asPostgresUser, CancellationToken.None);
    }

    /// <summary>
    /// Stops the cluster's server (fast) and waits for its postmaster to exit: pg_ctl returns once postmaster.pid is gone,
    /// which the postmaster removes just before it exits, and whatever comes next (this host's exit, a fresh start on the
    /// same cluster) must find the old server gone.
    /// </summary>
    private static async Task StopServerAsync(string bin, string cluster, bool asPostgres, CancellationToken cancellationToken)
    {
        var postmaster = PostmasterProcessId(cluster);
        await RunToolAsync(bin, "pg_ctl", asPostgres, cancellationToken, "-D", cluster, "-m", "fast", "-w", "-t", "60", "stop");
        for (var waited = 0; postmaster is { } pid && Directory.Exists($"/proc/{pid}") && waited < 100; waited++)
        {
            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>The postmaster's process id from the first line of postmaster.pid; null when the file is absent or unreadable.</summary>
    private static int? PostmasterProcessId(string cluster)
    {
        try
        {
            var first = File.ReadLines(Path.Combine(cluster, "postmaster.pid")).FirstOrDefault();
            return int.TryParse(first, NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>The directory of initdb and pg_ctl: TELEPHONY_PG_BIN, else pg_config's, else the newest under /usr/lib/postgresql.</summary>
    public static string FindBinDirectory()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("TELEPHONY_PG_BIN");
        if (!string.IsNullOrEmpty(fromEnvironment) && File.Exists(Path.Combine(fromEnvironment, "initdb")))
        {
            return fromEnvironment;
        }

        var candidates = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), CultureInfo.InvariantCulture, out var v) ? v : 0)
                .ToList()
            : [];
        if (candidates.Count > 0)
        {
            return candidates[0];
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':'))
        {
            if (dir.Length > 0 && File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")))
            {
                return dir;
            }
        }

        throw new InvalidOperationException("PostgreSQL's initdb was not found (looked at TELEPHONY_PG_BIN, /usr/lib/postgresql/*/bin and PATH); install the postgresql package or pass --db.");
    }

    private static async Task<string> PrepareClusterDirectoryAsync(string directory, bool asPostgres, CancellationToken cancellationToken)
    {
        directory = Path.GetFullPath(directory);
        Directory.CreateDirectory(Path.GetDirectoryName(directory)!);
        if (!asPostgres)
        {
            Directory.CreateDirectory(directory);
            return directory;
        }

        // A cluster owned by 'postgres' needs every parent directory traversable by that user. Where it is not
        // (a data directory under /root, say), the cluster lives under /var/lib/telephony and DATA/pg links to it.
        var target = directory;
        var info = new DirectoryInfo(directory);
        if (info.LinkTarget is not null)
        {
            target = info.ResolveLinkTarget(returnFinalTarget: true)!.FullName;
        }
        else if (!info.Exists && !await PostgresCanTraverseAsync(Path.GetDirectoryName(directory)!, cancellationToken))
        {
            // A fresh name each time: a cluster whose data directory was deleted must not be picked up again.
            target = Path.Combine("/var/lib/telephony/clusters", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(target);
            Directory.CreateSymbolicLink(directory, target);
        }

        Directory.CreateDirectory(target);
        await RunAsync("chown", ["postgres:postgres", target], cancellationToken);
        await RunAsync("chmod", ["700", target], cancellationToken);
        return target;
    }

    private static async Task<bool> PostgresCanTraverseAsync(string directory, CancellationToken cancellationToken)
    {
        var result = await RunProcessAsync("runuser", ["-u", "postgres", "--", "test", "-x", directory], cancellationToken);
        return result.ExitCode == 0;
    }

    private static async Task InitializeAsync(string bin, string cluster, string passwordFile, bool asPostgres, CancellationToken cancellationToken)
    {
        var password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var transient = Path.Combine(Path.GetTempPath(), "telephony-pw-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllTextAsync(transient, password, cancellationToken);
        try
        {
            if (asPostgres)
            {
                await RunAsync("chown", ["postgres", transient], cancellationToken);
            }

            await RunToolAsync(bin, "initdb", asPostgres, cancellationToken,
                "-D", cluster, "-U", SuperUser, "--pwfile", transient, "-A", "scram-sha-256", "-E", "UTF8", "--locale", "C.UTF-8");
        }
        finally
        {
            File.Delete(transient);
        }

        await File.WriteAllTextAsync(passwordFile, password, cancellationToken);
        File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    private static async Task RecoverStaleServerAsync(string bin, string cluster, bool asPostgres, CancellationToken cancellationToken)
    {
        var pidFile = Path.Combine(cluster, "postmaster.pid");
        if (!File.Exists(pidFile))
        {
            return;
        }

        // A server left running by a host that crashed: stop it so that it restarts with this run's settings.
        var (file, arguments) = ToolCommand(bin, "pg_ctl", asPostgres, ["-D", cluster, "status"]);
        var status = await RunProcessAsync(file, arguments, cancellationToken);
        if (status.ExitCode == 0)
        {
            await StopServerAsync(bin, cluster, asPostgres, cancellationToken);
        }
        else if (File.Exists(pidFile))
        {
            // No server behind the lock file: its PID may since belong to another process, which would make the postmaster refuse to start.
            File.Delete(pidFile);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static (string File, string[] Arguments) ToolCommand(string bin, string tool, bool asPostgres, string[] arguments) =>
        asPostgres
            ? ("runuser", ["-u", "postgres", "--", Path.Combine(bin, tool), .. arguments])
            : (Path.Combine(bin, tool), arguments);

    private static Task RunToolAsync(string bin, string tool, bool asPostgres, CancellationToken cancellationToken, params string[] arguments)
    {
        var (file, args) = ToolCommand(bin, tool, asPostgres, arguments);
        return RunAsync(file, args, cancellationToken);
    }

    private static async Task RunAsync(string file, string[] arguments, CancellationToken cancellationToken)
    {
        var result = await RunProcessAsync(file, arguments, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed with exit code {result.ExitCode}: {result.Output.Trim()}");
        }
    }

    private static async Task<(int ExitCode, string Output)> RunProcessAsync(string file, string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await stdout + await stderr);
    }
}
