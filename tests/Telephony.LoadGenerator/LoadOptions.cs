using System.Globalization;
using System.Net;

namespace Telephony.LoadGenerator;

/// <summary>What to run, from the command line. <see cref="Parse"/> returns an error naming the switch instead of throwing.</summary>
public sealed class LoadOptions
{
    public const string Usage = """
        usage: Telephony.LoadGenerator --target ADDR:PORT [--number 100]
                 (--concurrent N --hold SECONDS [--ramp CPS] | --rate CPS --duration SECONDS --hold SECONDS)
                 [--rtp-ports MIN-MAX] [--sip-sockets K] [--no-send-rtp] [--setup-timeout SECONDS] [--max-gap-ms 40]
          --concurrent N   N calls, set up at --ramp calls a second (default 100), each held --hold seconds after its 200
          --rate CPS       new calls a second for --duration seconds, each held --hold seconds
          --rtp-ports      our RTP/RTCP port pairs (default 16000-19999); a pair rests 2 s before the next call takes it
          --sip-sockets    SIP source ports the calls are spread over (default 1); a server limits requests per source
          --no-send-rtp    do not send our own (silent PCMU) RTP; by default every call sends 50 packets a second like a phone
        exit code: 0 when no call failed and under 1 % of streams had a gap over --max-gap-ms, 1 otherwise, 2 for bad arguments
        """;

    public IPEndPoint Target { get; set; } = new(IPAddress.Loopback, 5060);

    public string Number { get; set; } = "100";

    public LoadMode Mode { get; set; } = LoadMode.Concurrent;

    /// <summary>Concurrent mode: how many calls.</summary>
    public int Calls { get; set; }

    /// <summary>Concurrent mode: how fast they are set up; rate mode: the offered rate.</summary>
    public double CallsPerSecond { get; set; } = 100;

    /// <summary>Rate mode: for how long new calls are offered.</summary>
    public TimeSpan Duration { get; set; }

    /// <summary>How long each call stays up after its 200 OK before we send BYE.</summary>
    public TimeSpan Hold { get; set; } = TimeSpan.FromSeconds(10);

    public int RtpPortMin { get; set; } = 16000;

    public int RtpPortMax { get; set; } = 19999;

    public int SipSockets { get; set; } = 1;

    public bool SendRtp { get; set; } = true;

    /// <summary>No final response to the INVITE within this time fails the call.</summary>
    public TimeSpan SetupTimeout { get; set; } = TimeSpan.FromSeconds(8);

    public TimeSpan MaxGap { get; set; } = TimeSpan.FromMilliseconds(40);

    /// <summary>How many calls the run offers in all.</summary>
    public int TotalCalls => Mode == LoadMode.Concurrent ? Calls : (int)Math.Round(CallsPerSecond * Duration.TotalSeconds);

    public static (LoadOptions? Options, string? Error) Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new LoadOptions();
        bool sawConcurrent = false, sawRate = false, sawTarget = false, sawDuration = false;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--no-send-rtp")
            {
                options.SendRtp = false;
                continue;
            }

            if (i + 1 >= args.Count)
            {
                return (null, $"{name}: a value is required");
            }

            var value = args[++i];
            string? error = name switch
            {
                "--target" => IPEndPoint.TryParse(value, out var target) && target.Port != 0
                    ? Set(() => { options.Target = target; sawTarget = true; }) : "--target: expected ADDR:PORT",
                "--number" => value.Length > 0 ? Set(() => options.Number = value) : "--number: empty",
                "--concurrent" => PositiveInt(value, n => { options.Calls = n; options.Mode = LoadMode.Concurrent; sawConcurrent = true; }, name),
                "--rate" => PositiveDouble(value, r => { options.CallsPerSecond = r; options.Mode = LoadMode.Rate; sawRate = true; }, name),
                "--ramp" => PositiveDouble(value, r => options.CallsPerSecond = r, name),
                "--duration" => PositiveDouble(value, s => { options.Duration = TimeSpan.FromSeconds(s); sawDuration = true; }, name),
                "--hold" => PositiveDouble(value, s => options.Hold = TimeSpan.FromSeconds(s), name),
                "--setup-timeout" => PositiveDouble(value, s => options.SetupTimeout = TimeSpan.FromSeconds(s), name),
                "--max-gap-ms" => PositiveDouble(value, ms => options.MaxGap = TimeSpan.FromMilliseconds(ms), name),
                "--sip-sockets" => PositiveInt(value, k => options.SipSockets = k, name),
                "--rtp-ports" => PortRange(value, options),
                _ => $"{name}: unknown option",
            };
            if (error is not null)
            {
                return (null, error);
            }
        }

        return (sawTarget, sawConcurrent, sawRate, sawDuration) switch
        {
            (false, _, _, _) => (null, "--target is required"),
            (_, true, true, _) => (null, "--concurrent and --rate exclude each other"),
            (_, false, false, _) => (null, "one of --concurrent or --rate is required"),
            (_, _, true, false) => (null, "--rate needs --duration"),
            _ => (options, null),
        };
    }

    private static string? Set(Action apply)
    {
        apply();
        return null;
    }

    private static string? PositiveInt(string value, Action<int> apply, string name) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? Set(() => apply(n)) : $"{name}: expected a positive whole number";

    private static string? PositiveDouble(string value, Action<double> apply, string name) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d > 0 && double.IsFinite(d)
            ? Set(() => apply(d)) : $"{name}: expected a positive number";

    private static string? PortRange(string value, LoadOptions options)
    {
        var dash = value.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0
            && int.TryParse(value.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var min)
            && int.TryParse(value.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var max)
            && min >= 1024 && max <= 65535 && max > min + 1)
        {
            (options.RtpPortMin, options.RtpPortMax) = (min, max);
            return null;
        }

        return "--rtp-ports: expected MIN-MAX within 1024-65535";
    }
}
