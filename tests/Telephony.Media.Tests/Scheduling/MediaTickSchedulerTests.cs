using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Telephony.Media.Scheduling;

namespace Telephony.Media.Tests.Scheduling;

public sealed class MediaTickSchedulerTests : IDisposable
{
    private readonly FakeTimeProvider _time = new();
    private readonly MediaMetrics _metrics = new();
    private readonly MediaTickScheduler _scheduler;

    public MediaTickSchedulerTests()
    {
        // The grid mechanics are shown on a 10 ms grid; the default 2 ms grid has its own test below.
        _scheduler = new MediaTickScheduler(new MediaTickOptions { Period = TimeSpan.FromMilliseconds(10) }, _time, _metrics, NullLogger<MediaTickScheduler>.Instance);
    }

    private sealed class RecordingStream : IMediaTickStream
    {
        public List<MediaTick> Ticks { get; } = [];

        public Action? OnTickAction { get; set; }

        public void OnTick(in MediaTick tick)
        {
            Ticks.Add(tick);
            OnTickAction?.Invoke();
        }
    }

    private sealed class ThrowingStream : IMediaTickStream
    {
        public void OnTick(in MediaTick tick) => throw new InvalidOperationException("broken stream");
    }

    /// <summary>Advances fake time in steps of <paramref name="step"/> ms, running due ticks after each.</summary>
    private void Run(int steps, double step = 10)
    {
        for (var i = 0; i < steps; i++)
        {
            _scheduler.RunDueTicks();
            _time.Advance(TimeSpan.FromMilliseconds(step));
        }

        _scheduler.RunDueTicks();
    }

    [Fact]
    public void Stream_with_20_ms_ptime_runs_every_other_grid_tick_with_samples_from_the_deadline()
    {
        var stream = new RecordingStream();
        _scheduler.Add(stream, TimeSpan.FromMilliseconds(20));
        Run(10);

        Assert.Equal([0L, 1, 2, 3, 4, 5], stream.Ticks.Select(t => t.Number));
        Assert.Equal([0L, 160, 320, 480, 640, 800], stream.Ticks.Select(t => t.ElapsedSamples));
        Assert.All(stream.Ticks, t => Assert.Equal(TimeSpan.Zero, t.Lateness));
        Assert.Equal(11, _scheduler.TicksRun);
    }

    [Fact]
    public void Streams_with_different_ptimes_share_the_grid()
    {
        var twenty = new RecordingStream();
        var thirty = new RecordingStream();
        _scheduler.Add(twenty, TimeSpan.FromMilliseconds(20));
        _scheduler.Add(thirty, TimeSpan.FromMilliseconds(30));
        Run(12);

        Assert.Equal(7, twenty.Ticks.Count);
        Assert.Equal(5, thirty.Ticks.Count);
        Assert.Equal(240, thirty.Ticks[1].ElapsedSamples);
    }

    [Fact]
    public void Late_ticks_are_counted_and_recorded_in_the_lateness_histogram()
    {
        var measurements = new List<double>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter == _metrics.Meter && instrument.Name == "tick_lateness")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, _, _) => measurements.Add(value));
        listener.Start();

        var stream = new RecordingStream();
        _scheduler.Add(stream, TimeSpan.FromMilliseconds(10));
        _scheduler.RunDueTicks();
        _time.Advance(TimeSpan.FromMilliseconds(13));
        _scheduler.RunDueTicks();
        _time.Advance(TimeSpan.FromMilliseconds(8));
        _scheduler.RunDueTicks();

        // The media thread only notes the samples; they reach the histogram when published from another thread.
        Assert.Empty(measurements);
        _metrics.Publish();

        Assert.Equal(1, _scheduler.LateTicks);
        Assert.Contains(3.0, measurements);
        Assert.Contains(1.0, measurements);
        Assert.Equal(TimeSpan.FromMilliseconds(3), stream.Ticks[1].Lateness);
    }

    [Fact]
    public void Long_stall_skips_ticks_and_streams_see_the_jump()
    {
        var stream = new RecordingStream();
        _scheduler.Add(stream, TimeSpan.FromMilliseconds(20));
        Run(2);
        _time.Advance(TimeSpan.FromMilliseconds(300));
        _scheduler.RunDueTicks();

        Assert.True(_scheduler.SkippedTicks > 0);
        var afterStall = stream.Ticks[^1];
        Assert.True(afterStall.SkippedTicks > 0);
        Assert.Equal(afterStall.Number * 160, afterStall.ElapsedSamples);
        Assert.Equal(stream.Ticks[^2].Number + afterStall.SkippedTicks + 1, afterStall.Number);
    }

    [Fact]
    public void Removed_stream_gets_no_more_ticks()
    {
        var stream = new RecordingStream();
        var registration = _scheduler.Add(stream, TimeSpan.FromMilliseconds(10));
        Run(3);
        registration.Dispose();
        Run(3);

        Assert.Equal(4, stream.Ticks.Count);
        Assert.Equal(0, _scheduler.StreamCount);
        Assert.True(registration.IsRemoved);
    }

    [Fact]
    public void Stream_may_remove_itself_and_add_another_during_its_tick()
    {
        var added = new RecordingStream();
        var first = new RecordingStream();
        MediaTickRegistration? registration = null;
        first.OnTickAction = () =>
        {
            registration!.Dispose();
            _scheduler.Add(added, TimeSpan.FromMilliseconds(10));
        };
        registration = _scheduler.Add(first, TimeSpan.FromMilliseconds(10));
        Run(3);

        Assert.Single(first.Ticks);
        Assert.Equal(3, added.Ticks.Count);
    }

    [Fact]
    public void Throwing_stream_is_removed_and_others_keep_ticking()
    {
        var healthy = new RecordingStream();
        _scheduler.Add(new ThrowingStream(), TimeSpan.FromMilliseconds(10));
        _scheduler.Add(healthy, TimeSpan.FromMilliseconds(10));
        Run(3);

        Assert.Equal(1, _scheduler.StreamCount);
        Assert.Equal(4, healthy.Ticks.Count);
    }

    [Fact]
    public void Ptime_that_is_not_a_multiple_of_the_period_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _scheduler.Add(new RecordingStream(), TimeSpan.FromMilliseconds(25)));
        Assert.Throws<ArgumentOutOfRangeException>(() => _scheduler.Add(new RecordingStream(), TimeSpan.FromMilliseconds(5)));
    }

    [Fact]
    public void Invalid_options_name_the_key()
    {
        var options = new MediaTickOptions { Period = TimeSpan.FromMilliseconds(100) };
        var exception = Assert.Throws<ArgumentOutOfRangeException>(options.Validate);
        Assert.Contains("Calls:Tick:Period", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Calls:Tick:RealtimePriority", Assert.Throws<ArgumentOutOfRangeException>(new MediaTickOptions { RealtimePriority = 100 }.Validate).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Streams_added_together_spread_over_the_grid_phases_their_ptime_allows()
    {
        var twenty = Enumerable.Range(0, 6).Select(_ => new RecordingStream()).ToList();
        var forty = Enumerable.Range(0, 4).Select(_ => new RecordingStream()).ToList();
        var sendingAt = new Dictionary<long, int>();
        var grid = 0L;
        foreach (var stream in twenty.Concat(forty))
        {
            stream.OnTickAction = () => sendingAt[grid] = sendingAt.GetValueOrDefault(grid) + 1;
        }

        twenty.ForEach(s => _scheduler.Add(s, TimeSpan.FromMilliseconds(20)));
        forty.ForEach(s => _scheduler.Add(s, TimeSpan.FromMilliseconds(40)));
        for (grid = 0; grid < 8; grid++)
        {
            _scheduler.RunDueTicks();
            _time.Advance(TimeSpan.FromMilliseconds(10));
        }

        // 6 × 20 ms and 4 × 40 ms streams are 4 packets per grid tick on average: every tick carries 4, none 10.
        Assert.All(Enumerable.Range(0, 8), tick => Assert.Equal(4, sendingAt.GetValueOrDefault(tick)));
        Assert.All(twenty, s => Assert.Equal(Enumerable.Range(0, 4).Select(n => (long)n), s.Ticks.Select(t => t.Number)));
        Assert.All(twenty.Concat(forty), s => Assert.All(s.Ticks, t => Assert.Equal(TimeSpan.Zero, t.Lateness)));
    }

    [Fact]
    public void Default_grid_sends_ten_20_ms_streams_one_per_2_ms_tick()
    {
        using var scheduler = new MediaTickScheduler(new MediaTickOptions(), _time, _metrics, NullLogger<MediaTickScheduler>.Instance);
        var sendingAt = new Dictionary<long, int>();
        var grid = 0L;
        var streams = Enumerable.Range(0, 10).Select(_ => new RecordingStream { OnTickAction = () => sendingAt[grid] = sendingAt.GetValueOrDefault(grid) + 1 }).ToList();
        streams.ForEach(s => scheduler.Add(s, TimeSpan.FromMilliseconds(20)));
        for (grid = 0; grid < 20; grid++)
        {
            scheduler.RunDueTicks();
            _time.Advance(TimeSpan.FromMilliseconds(2));
        }

        Assert.All(Enumerable.Range(0, 20), tick => Assert.Equal(1, sendingAt.GetValueOrDefault(tick)));
        Assert.All(streams, s => Assert.Equal([0L, 1], s.Ticks.Select(t => t.Number)));
    }

    public void Dispose()
    {
        _scheduler.Dispose();
        _metrics.Dispose();
    }

    private sealed class CountingFlush : IMediaTickFlush
    {
        public bool Disposed { get; private set; }

        public void Flush()
        {
        }

        public void Dispose() => Disposed = true;
    }

    [Fact]
    public void Running_ahead_runs_each_stream_its_lead_before_the_deadline_it_carries_as_a_timestamp()
    {
        var flush = new CountingFlush();
        Assert.True(_scheduler.TryRunAhead(TimeSpan.FromMilliseconds(60), flush));
        var start = _time.GetTimestamp();
        var stream = new RecordingStream();
        var ranAt = new List<TimeSpan>();
        stream.OnTickAction = () => ranAt.Add(_time.GetElapsedTime(start));
        _scheduler.Add(stream, TimeSpan.FromMilliseconds(20));

        Run(6);

        // By 60 ms the ticks due up to 120 ms have run, each 60 ms before its deadline.
        Assert.Equal([0L, 1, 2, 3], stream.Ticks.Select(t => t.Number));
        Assert.Equal(stream.Ticks.Select(t => t.Deadline - TimeSpan.FromMilliseconds(60)), ranAt);
        Assert.All(stream.Ticks, t => Assert.Equal(TimeSpan.FromMilliseconds(60), t.Lead));
        Assert.Equal(
            stream.Ticks.Select(t => start + (long)(t.Deadline.TotalSeconds * _time.TimestampFrequency)),
            stream.Ticks.Select(t => t.DueTimestamp));

        _scheduler.Dispose();
        Assert.True(flush.Disposed);
    }

    [Fact]
    public void Lead_cannot_be_set_once_the_tick_runs_or_by_a_second_sender()
    {
        Assert.True(_scheduler.TryRunAhead(TimeSpan.FromMilliseconds(40), new CountingFlush()));
        Assert.False(_scheduler.TryRunAhead(TimeSpan.FromMilliseconds(60), new CountingFlush()));
        Assert.Equal(TimeSpan.FromMilliseconds(40), _scheduler.Lead);

        using var started = new MediaTickScheduler(new MediaTickOptions(), _time, _metrics, NullLogger<MediaTickScheduler>.Instance);
        started.RunDueTicks();
        Assert.False(started.TryRunAhead(TimeSpan.FromMilliseconds(60), new CountingFlush()));
        Assert.Equal(TimeSpan.Zero, started.Lead);
    }

    [Fact]
    public void Running_ahead_a_stall_skips_ticks_only_once_it_outlasts_the_lead_and_the_catch_up()
    {
        // 10 ms grid, catch-up 60 ms, lead 60 ms: a 110 ms stall leaves the packets at most 50 ms late, so every tick runs.
        Assert.True(_scheduler.TryRunAhead(TimeSpan.FromMilliseconds(60), new CountingFlush()));
        var stream = new RecordingStream();
        _scheduler.Add(stream, TimeSpan.FromMilliseconds(10));
        _scheduler.RunDueTicks();
        _time.Advance(TimeSpan.FromMilliseconds(110));
        _scheduler.RunDueTicks();

        Assert.Equal(0, _scheduler.SkippedTicks);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => (long)i), stream.Ticks.Select(t => t.Number));

        // A further 130 ms stall is 70 ms past the lead: beyond the catch-up, so the loop skips to the present.
        _time.Advance(TimeSpan.FromMilliseconds(130));
        _scheduler.RunDueTicks();
        Assert.True(_scheduler.SkippedTicks > 0);
    }
}
