using System.Text;
using Telephony.Calls.Media;

namespace Telephony.Calls.MediaPlane;

/// <summary>
/// Collects one answer of DTMF digits per <see cref="DigitCollectionOptions"/>: up to
/// <see cref="DigitCollectionOptions.MaxDigits"/>, ended early by the terminator (not included), by
/// the first-digit timeout while nothing was pressed, or by the inter-digit timeout after a digit.
/// Timeouts run on one <see cref="TimeProvider"/> timer (no thread of its own), so tests step them with
/// a fake clock. Digits arrive from any thread; the first ending wins.
/// </summary>
public sealed class DigitCollector : IDisposable
{
    private readonly DigitCollectionOptions _options;
    private readonly StringBuilder _digits = new();
    private readonly TaskCompletionSource<DigitsResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _lock = new();
    private readonly ITimer _timer;

    /// <summary>Creates the collector; <see cref="Start"/> arms the first timeout.</summary>
    public DigitCollector(DigitCollectionOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxDigits, 1);
        _options = options;
        _timer = timeProvider.CreateTimer(_ => Finish(DigitsEnd.Timeout), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The result, once collection ended.</summary>
    public Task<DigitsResult> Completion => _completion.Task;

    /// <summary>Takes the already-pressed digit, if any, and starts the first-digit (or inter-digit) timeout.</summary>
    public void Start()
    {
        if (_options.AlreadyPressed is { } pressed)
        {
            if (!OnDigit(pressed))
            {
                return;
            }
        }

        lock (_lock)
        {
            if (!_completion.Task.IsCompleted && _digits.Length == 0)
            {
                _timer.Change(_options.FirstDigitTimeout, Timeout.InfiniteTimeSpan);
            }
        }
    }

    /// <summary>Adds a pressed key; returns false once collection has ended (the digit was not taken).</summary>
    public bool OnDigit(char digit)
    {
        lock (_lock)
        {
            if (_completion.Task.IsCompleted)
            {
                return false;
            }

            if (digit == _options.Terminator)
            {
                FinishLocked(DigitsEnd.Terminator);
                return true;
            }

            _digits.Append(digit);
            if (_digits.Length >= _options.MaxDigits)
            {
                FinishLocked(DigitsEnd.MaxDigits);
                return true;
            }

            _timer.Change(_options.InterDigitTimeout, Timeout.InfiniteTimeSpan);
            return true;
        }
    }

    /// <summary>Ends collection from outside (cancelled, call ended) with the digits so far.</summary>
    public void Finish(DigitsEnd end)
    {
        lock (_lock)
        {
            FinishLocked(end);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Finish(DigitsEnd.Cancelled);
        _timer.Dispose();
    }

    private void FinishLocked(DigitsEnd end)
    {
        if (_completion.Task.IsCompleted)
        {
            return;
        }

        _timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _completion.TrySetResult(new DigitsResult(_digits.ToString(), end));
    }
}
