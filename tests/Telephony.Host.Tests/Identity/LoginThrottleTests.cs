using Microsoft.Extensions.Time.Testing;
using Telephony.Host.Identity;

namespace Telephony.Host.Tests.Identity;

public sealed class LoginThrottleTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void IsLockedOut_after_five_failures_from_one_address_until_the_window_passes()
    {
        var throttle = new LoginThrottle(_time);
        for (var i = 0; i < LoginThrottle.MaxFailures; i++)
        {
            Assert.False(throttle.IsLockedOut("10.0.0.1", "user" + i));
            throttle.RecordFailure("10.0.0.1", "user" + i);
        }

        Assert.True(throttle.IsLockedOut("10.0.0.1", "someone-else"));
        Assert.False(throttle.IsLockedOut("10.0.0.2", "someone-else"));

        _time.Advance(LoginThrottle.Window + TimeSpan.FromSeconds(1));
        Assert.False(throttle.IsLockedOut("10.0.0.1", "someone-else"));
    }

    [Fact]
    public void IsLockedOut_after_five_failures_for_one_user_from_many_addresses()
    {
        var throttle = new LoginThrottle(_time);
        for (var i = 0; i < LoginThrottle.MaxFailures; i++)
        {
            throttle.RecordFailure("10.0.1." + i, "Admin");
        }

        Assert.True(throttle.IsLockedOut("10.9.9.9", "admin"));
    }

    [Fact]
    public void RecordSuccess_clears_the_failures_of_that_address_and_user()
    {
        var throttle = new LoginThrottle(_time);
        for (var i = 0; i < LoginThrottle.MaxFailures - 1; i++)
        {
            throttle.RecordFailure("10.0.0.1", "qa");
        }

        throttle.RecordSuccess("10.0.0.1", "qa");
        throttle.RecordFailure("10.0.0.1", "qa");

        Assert.False(throttle.IsLockedOut("10.0.0.1", "qa"));
    }
}
