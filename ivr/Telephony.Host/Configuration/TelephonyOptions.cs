using System.Globalization;

namespace Telephony.Host.Configuration;

/// <summary>
/// The host's validated settings. Read from configuration (appsettings.json, environment variables
/// <c>Telephony__Http</c> etc., and the command line) by <see cref="Load"/>, which names the key of any bad value.
/// </summary>
public sealed class TelephonyOptions
{
    public const string Section = "Telephony";

    public required IReadOnlyList<ListenEndpoint> SipListen { get; init; }

    public required ListenEndpoint Http { get; init; }

    /// <summary>Recordings, prompt cache, the embedded database and the spool live here.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>An external PostgreSQL connection string; null means the embedded cluster under the data directory.</summary>
    public string? ConnectionString { get; init; }

    public bool Demo { get; init; }

    public bool DemoAlwaysOpen { get; init; }

    public TimeSpan ShutdownGrace { get; init; }

    /// <summary>The clock the menu's hours decisions read when Telephony:MenuClock (--menu-clock) sets one; null is the real clock.</summary>
    public Calls.MenuClock? MenuClock { get; init; }

    /// <summary>
    /// This server's name among several sharing one database (reservations, job clustering, records). Stable across
    /// restarts: by default the machine name and a digest of the data directory.
    /// </summary>
    public required string HostId { get; init; }

    public string EmbeddedDatabaseDirectory => Path.Combine(DataDirectory, "pg");

    public static OptionsLoadResult Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        var errors = new List<string>();

        var sip = new List<ListenEndpoint>();
        var listen = section.GetSection("Sip:Listen");
        var sipValues = listen.GetChildren().Select(c => (Key: c.Path, c.Value)).ToList();
        if (sipValues.Count == 0 && listen.Value is not null)
        {
            sipValues.Add((listen.Path, listen.Value));
        }

        if (sipValues.Count == 0)
        {
            sipValues.Add((listen.Path, "127.0.0.1:5060"));
        }

        foreach (var (key, value) in sipValues)
        {
            if (ListenEndpoint.TryParse(value, out var endpoint, out var problem))
            {
                sip.Add(endpoint);
            }
            else
            {
                errors.Add($"{key} (--sip): {problem}");
            }
        }

        var httpText = section["Http"] ?? "127.0.0.1:8080";
        if (!ListenEndpoint.TryParse(httpText, out var http, out var httpProblem))
        {
            errors.Add($"{Section}:Http (--http): {httpProblem}");
        }
        else if (http.IsTls)
        {
            errors.Add($"{Section}:Http (--http): '{httpText}': tls: is for --sip only; put a TLS proxy in front of HTTP");
        }

        var data = section["Data"];
        if (string.IsNullOrWhiteSpace(data))
        {
            data = "data";
        }

        var db = section["Db"];
        if (db is not null && !LooksLikeConnectionString(db, out var dbProblem))
        {
            errors.Add($"{Section}:Db (--db): {dbProblem}");
        }

        var demo = ReadBool(section, "Demo", errors);
        var alwaysOpen = ReadBool(section, "DemoAlwaysOpen", errors);
        if (alwaysOpen && !demo)
        {
            errors.Add($"{Section}:DemoAlwaysOpen (--demo-always-open): only meaningful with --demo");
        }

        var graceSeconds = 30;
        var graceText = section["ShutdownGraceSeconds"];
        if (graceText is not null &&
            (!int.TryParse(graceText, NumberStyles.None, CultureInfo.InvariantCulture, out graceSeconds) || graceSeconds > 3600))
        {
            errors.Add($"{Section}:ShutdownGraceSeconds (--shutdown-grace): '{graceText}' is not a whole number of seconds from 0 to 3600");
        }

        Calls.MenuClock? menuClock = null;
        if (section["MenuClock"] is { Length: > 0 } menuClockText)
        {
            menuClock = Calls.MenuClock.TryParse(menuClockText, TimeProvider.System, out var menuClockProblem);
            if (menuClock is null)
            {
                errors.Add($"{Section}:MenuClock (--menu-clock): {menuClockProblem}");
            }
        }

        var fullData = Path.GetFullPath(data);
        var hostId = section["HostId"];
        if (string.IsNullOrWhiteSpace(hostId))
        {
            var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(fullData)))[..8];
            hostId = $"{Environment.MachineName.ToLowerInvariant()}-{digest}";
        }
        else if (hostId.Length > 64 || !hostId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            errors.Add($"{Section}:HostId: '{hostId}' must be 1-64 letters, digits, '-', '_' or '.'");
        }

        if (errors.Count > 0 || http is null || http.IsTls)
        {
            return new OptionsLoadResult(null, errors);
        }

        return new OptionsLoadResult(
            new TelephonyOptions
            {
                SipListen = sip,
                Http = http,
                DataDirectory = fullData,
                HostId = hostId,
                ConnectionString = string.IsNullOrWhiteSpace(db) ? null : db,
                Demo = demo,
                DemoAlwaysOpen = alwaysOpen,
                ShutdownGrace = TimeSpan.FromSeconds(graceSeconds),
                MenuClock = menuClock,
            },
            errors);
    }

    private static bool ReadBool(IConfigurationSection section, string key, List<string> errors)
    {
        var text = section[key];
        if (text is null)
        {
            return false;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        errors.Add($"{Section}:{key}: '{text}' is not true or false");
        return false;
    }

    private static bool LooksLikeConnectionString(string text, out string problem)
    {
        try
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(text);
            if (string.IsNullOrEmpty(builder.Host))
            {
                problem = "the connection string names no Host";
                return false;
            }

            problem = string.Empty;
            return true;
        }
        catch (ArgumentException ex)
        {
            problem = $"not a PostgreSQL connection string ({ex.Message})";
            return false;
        }
    }
}
