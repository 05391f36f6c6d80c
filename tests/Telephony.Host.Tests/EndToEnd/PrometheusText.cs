using System.Globalization;

namespace Telephony.Host.Tests.EndToEnd;

/// <summary>A /metrics page read back: every sample by its series (name and labels as printed), and the metric names declared.</summary>
public sealed class PrometheusText
{
    private readonly Dictionary<string, double> _samples = new(StringComparer.Ordinal);
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    public PrometheusText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                _names.Add(line.Split(' ')[2]);
                continue;
            }

            if (line.StartsWith('#'))
            {
                continue;
            }

            var space = line.LastIndexOf(' ');
            var series = line[..space];
            _samples[series] = double.Parse(line[(space + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture);
            var brace = series.IndexOf('{', StringComparison.Ordinal);
            _names.Add(brace < 0 ? series : series[..brace]);
        }
    }

    /// <summary>Every metric name on the page, with the _bucket/_sum/_count series of histograms as printed.</summary>
    public IReadOnlySet<string> Names => _names;

    public static async Task<PrometheusText> ScrapeAsync(HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return new PrometheusText(await http.GetStringAsync(new Uri("metrics", UriKind.Relative)));
    }

    /// <summary>The sample of the series with this name and exactly this one label (or none); null when absent.</summary>
    public double? Value(string name, string? label = null, string? value = null) =>
        _samples.TryGetValue(label is null ? name : $"{name}{{{label}=\"{value}\"}}", out var sample) ? sample : null;
}
