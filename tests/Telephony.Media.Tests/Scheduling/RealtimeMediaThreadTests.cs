using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Telephony.Media.Scheduling;

namespace Telephony.Media.Tests.Scheduling;

/// <summary>
/// The media thread asks the kernel for SCHED_FIFO, so the rest of a busy host cannot keep it waiting. Where the process
/// may (root, as in CI, or CAP_SYS_NICE / LimitRTPRIO in a service unit) the thread runs under the real-time policy;
/// where it may not, it keeps ticking under the normal policy.
/// </summary>
public sealed class RealtimeMediaThreadTests
{
    private const int NormalPolicy = 0;
    private const int FirstInFirstOutPolicy = 1;

    [Fact]
    public void Media_thread_runs_under_sched_fifo_when_the_process_may_and_ticks_either_way()
    {
        using var metrics = new MediaMetrics();
        using var scheduler = new MediaTickScheduler(new MediaTickOptions { RealtimePriority = 10 }, TimeProvider.System, metrics, NullLogger<MediaTickScheduler>.Instance);
        scheduler.Start();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (scheduler.TicksRun < 3 && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(10);
        }

        var policy = PolicyOf(MediaThreadId());

        Assert.True(scheduler.TicksRun >= 3, $"only {scheduler.TicksRun} ticks ran");
        Assert.Equal(Environment.UserName == "root" ? FirstInFirstOutPolicy : NormalPolicy, policy);
    }

    private static string MediaThreadId() =>
        Directory.GetDirectories("/proc/self/task")
            .Single(task => File.ReadAllText(Path.Combine(task, "comm")).Trim() == "media-tick")
            .Split('/')[^1];

    /// <summary>The scheduling policy: field 41 of /proc/self/task/TID/stat, counted after the parenthesised name.</summary>
    private static int PolicyOf(string threadId)
    {
        var stat = File.ReadAllText($"/proc/self/task/{threadId}/stat");
        var afterName = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(afterName[41 - 3], CultureInfo.InvariantCulture);
    }
}
