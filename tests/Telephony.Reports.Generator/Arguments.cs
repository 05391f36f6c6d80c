using System.Globalization;

namespace Telephony.Reports.Generator;

/// <summary>The generator's command line: --calls N, --year YYYY, --runs N, --db CONNSTRING, --reuse (keep the loaded history).</summary>
public sealed record Arguments(long Calls, int Year, int Runs, string? Database, bool Reuse)
{
    public static Arguments Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var parsed = new Arguments(1_000_000, 2025, 5, null, false);
        for (var i = 0; i < args.Length; i++)
        {
            parsed = args[i] switch
            {
                "--calls" => parsed with { Calls = long.Parse(args[++i].Replace("_", string.Empty, StringComparison.Ordinal), CultureInfo.InvariantCulture) },
                "--year" => parsed with { Year = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--runs" => parsed with { Runs = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                "--db" => parsed with { Database = args[++i] },
                "--reuse" => parsed with { Reuse = true },
                _ => throw new ArgumentException($"Unknown argument '{args[i]}'. Use --calls N --year YYYY --runs N [--db CONNSTRING] [--reuse]."),
            };
        }

        return parsed;
    }
}
