using System.Globalization;

namespace Telephony.Host.Monitoring;

/// <summary>
/// The garbage collector's settings that decide how long one collection holds every call's audio, printed at start so an
/// operator sees whether the shipped gen0 cap (the host's runtimeconfig) or an environment override is in force.
/// </summary>
internal static class CollectorSettings
{
    public static string Describe() => Describe(GC.GetConfigurationVariables());

    internal static string Describe(IReadOnlyDictionary<string, object> variables)
    {
        var server = variables.TryGetValue("ServerGC", out var serverGc) && serverGc is true;
        var heaps = server && variables.TryGetValue("HeapCount", out var count) ? Convert.ToInt64(count, CultureInfo.InvariantCulture) : 1;
        var cap = variables.TryGetValue("GCGen0MaxBudget", out var budget) ? Convert.ToInt64(budget, CultureInfo.InvariantCulture) : 0;
        var gen0 = cap > 0
            ? string.Create(CultureInfo.InvariantCulture, $"gen0 budget at most {cap / 1048576.0:0.##} MB per heap")
            : "gen0 budget uncapped";
        return string.Create(CultureInfo.InvariantCulture, $"garbage collector: {(server ? "server" : "workstation")}, {heaps} heap(s), {gen0}");
    }
}
