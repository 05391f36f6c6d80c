using System.Globalization;

namespace Telephony.Host.Configuration;

/// <summary>
/// Turns the documented command-line switches into configuration keys, so that the same keys work from
/// appsettings.json and environment variables. <c>--sip</c> may repeat, which the stock command-line
/// provider cannot express (the last one would win).
/// </summary>
public static class HostCommandLine
{
    private static readonly Dictionary<string, string> ValueSwitches = new(StringComparer.Ordinal)
    {
        ["--http"] = TelephonyOptions.Section + ":Http",
        ["--data"] = TelephonyOptions.Section + ":Data",
        ["--db"] = TelephonyOptions.Section + ":Db",
        ["--shutdown-grace"] = TelephonyOptions.Section + ":ShutdownGraceSeconds",
        ["--menu-clock"] = TelephonyOptions.Section + ":MenuClock",
    };

    private static readonly Dictionary<string, string> FlagSwitches = new(StringComparer.Ordinal)
    {
        ["--demo"] = TelephonyOptions.Section + ":Demo",
        ["--demo-always-open"] = TelephonyOptions.Section + ":DemoAlwaysOpen",
    };

    public static HostCommandLineResult Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var sipIndex = 0;
        for (var i = 0; i < args.Count; i++)
        {
            var (name, inlineValue) = Split(args[i]);
            if (FlagSwitches.TryGetValue(name, out var flagKey))
            {
                values[flagKey] = inlineValue ?? "true";
                continue;
            }

            var isSip = name == "--sip";
            if (!isSip && !ValueSwitches.ContainsKey(name))
            {
                return HostCommandLineResult.Fail($"{args[i]}: unknown option (known: --sip, --http, --data, --db, --demo, --demo-always-open, --shutdown-grace, --menu-clock)");
            }

            var value = inlineValue;
            if (value is null)
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    return HostCommandLineResult.Fail($"{name}: a value is required");
                }

                value = args[++i];
            }

            var key = isSip
                ? string.Create(CultureInfo.InvariantCulture, $"{TelephonyOptions.Section}:Sip:Listen:{sipIndex++}")
                : ValueSwitches[name];
            values[key] = value;
        }

        return new HostCommandLineResult(values, null);
    }

    private static (string Name, string? Value) Split(string arg)
    {
        var eq = arg.IndexOf('=', StringComparison.Ordinal);
        return eq > 0 && arg.StartsWith("--", StringComparison.Ordinal) ? (arg[..eq], arg[(eq + 1)..]) : (arg, null);
    }
}
