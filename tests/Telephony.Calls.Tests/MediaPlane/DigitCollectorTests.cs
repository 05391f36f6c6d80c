using Microsoft.Extensions.Time.Testing;
using Telephony.Calls.Media;
using Telephony.Calls.MediaPlane;

namespace Telephony.Calls.Tests.MediaPlane;

public sealed class DigitCollectorTests
{
    private static readonly DigitCollectionOptions Options = new(MaxDigits: 4, FirstDigitTimeout: TimeSpan.FromSeconds(5), InterDigitTimeout: TimeSpan.FromSeconds(3)) { Terminator = '#' };
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task Collect_terminator_ends_without_it()
    {
        using var collector = new DigitCollector(Options, _time);
        collector.Start();

        foreach (var digit in "12#9")
        {
            collector.OnDigit(digit);
        }

        Assert.Equal(new DigitsResult("12", DigitsEnd.Terminator), await collector.Completion);
    }

    [Fact]
    public async Task Collect_max_digits_ends_at_count()
    {
        using var collector = new DigitCollector(Options, _time);
        collector.Start();

        foreach (var digit in "12345")
        {
            collector.OnDigit(digit);
        }

        Assert.Equal(new DigitsResult("1234", DigitsEnd.MaxDigits), await collector.Completion);
    }

    [Fact]
    public async Task Collect_nothing_pressed_times_out_after_first_digit_timeout()
    {
        using var collector = new DigitCollector(Options, _time);
        collector.Start();

        _time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(collector.Completion.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(0.1));

        Assert.Equal(new DigitsResult("", DigitsEnd.Timeout), await collector.Completion);
    }

    [Fact]
    public async Task Collect_pause_after_digit_times_out_after_inter_digit_timeout()
    {
        using var collector = new DigitCollector(Options, _time);
        collector.Start();
        _time.Advance(TimeSpan.FromSeconds(4));
        collector.OnDigit('7');

        // The first-digit timeout (5 s from the start) must not fire once a digit came.
        _time.Advance(TimeSpan.FromSeconds(2.9));
        Assert.False(collector.Completion.IsCompleted);
        collector.OnDigit('8');
        _time.Advance(TimeSpan.FromSeconds(2.9));
        Assert.False(collector.Completion.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(0.1));

        Assert.Equal(new DigitsResult("78", DigitsEnd.Timeout), await collector.Completion);
    }

    [Fact]
    public async Task Collect_already_pressed_digit_counts_first()
    {
        using var collector = new DigitCollector(Options with { AlreadyPressed = '5' }, _time);
        collector.Start();
        collector.OnDigit('#');

        Assert.Equal(new DigitsResult("5", DigitsEnd.Terminator), await collector.Completion);
    }

    [Fact]
    public async Task Finish_call_ended_keeps_digits_so_far_and_ignores_later_digits()
    {
        using var collector = new DigitCollector(Options, _time);
        collector.Start();
        collector.OnDigit('1');
        collector.Finish(DigitsEnd.CallEnded);

        Assert.False(collector.OnDigit('2'));
        Assert.Equal(new DigitsResult("1", DigitsEnd.CallEnded), await collector.Completion);
    }
}
