using System.Diagnostics.Metrics;
using System.Net;
using Telephony.Sip.Registrar;

namespace Telephony.Sip.Tests.Registrar;

public sealed class SipRegistrarLockoutTests
{
    private const string Contact = "<sip:1001@192.0.2.50:5062>";

    [Fact]
    public async Task Five_failures_lock_the_user_so_even_the_right_password_gets_403_until_the_lockout_ends()
    {
        var harness = new RegistrarHarness();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(403, (await harness.RegisterAsync(new TestPhone("1001", "guess" + i), Contact)).StatusCode);
        }

        var locked = await harness.RegisterAsync(new TestPhone("1001", "right-pass"), Contact);
        harness.Time.Advance(TimeSpan.FromMinutes(5));
        var after = await harness.RegisterAsync(new TestPhone("1001", "right-pass"), Contact);

        Assert.Equal((403, "Forbidden: too many failures"), (locked.StatusCode, locked.ReasonPhrase));
        Assert.Equal(200, after.StatusCode);
    }

    [Fact]
    public async Task Failures_for_one_user_from_many_addresses_lock_the_user()
    {
        var harness = new RegistrarHarness();
        for (var i = 0; i < 5; i++)
        {
            await harness.RegisterAsync(new TestPhone("1001", "guess"), Contact, source: new IPEndPoint(IPAddress.Parse($"198.51.100.{i + 1}"), 5060));
        }

        var fromElsewhere = await harness.RegisterAsync(new TestPhone("1001", "right-pass"), Contact, source: new IPEndPoint(IPAddress.Parse("198.51.100.77"), 5060));
        var otherUser = await harness.RegisterAsync(new TestPhone("1002", "other-pass"), "<sip:1002@192.0.2.60>", source: new IPEndPoint(IPAddress.Parse("198.51.100.77"), 5060));

        Assert.Equal(403, fromElsewhere.StatusCode);
        Assert.Equal(200, otherUser.StatusCode);
    }

    [Fact]
    public async Task Failures_from_one_address_across_users_lock_the_address()
    {
        var harness = new RegistrarHarness();
        for (var i = 0; i < 5; i++)
        {
            await harness.RegisterAsync(new TestPhone("user" + i, "guess"), $"<sip:user{i}@192.0.2.50>");
        }

        var sameAddress = await harness.RegisterAsync(new TestPhone("1002", "other-pass"), "<sip:1002@192.0.2.50>");
        var otherAddress = await harness.RegisterAsync(new TestPhone("1002", "other-pass"), "<sip:1002@192.0.2.60>", source: new IPEndPoint(IPAddress.Parse("192.0.2.60"), 5060));

        Assert.Equal(403, sameAddress.StatusCode);
        Assert.Equal(200, otherAddress.StatusCode);
    }

    [Fact]
    public async Task Failures_outside_the_window_do_not_add_up()
    {
        var harness = new RegistrarHarness();
        for (var i = 0; i < 8; i++)
        {
            await harness.RegisterAsync(new TestPhone("1001", "guess"), Contact);
            harness.Time.Advance(TimeSpan.FromMinutes(1.5));
        }

        Assert.Equal(200, (await harness.RegisterAsync(new TestPhone("1001", "right-pass"), Contact)).StatusCode);
    }

    [Fact]
    public async Task With_the_limit_off_the_right_password_still_registers_after_many_failures()
    {
        var harness = new RegistrarHarness(o => o.FailureLimit = 0);
        for (var i = 0; i < 20; i++)
        {
            await harness.RegisterAsync(new TestPhone("1001", "guess" + i), Contact);
        }

        Assert.Equal(200, (await harness.RegisterAsync(new TestPhone("1001", "right-pass"), Contact)).StatusCode);
    }

    [Fact]
    public async Task Failures_and_lockouts_are_counted_on_the_telephony_sip_meter()
    {
        var harness = new RegistrarHarness();
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == SipRegistrarMetrics.MeterName && instrument.Name.StartsWith("auth_", StringComparison.Ordinal))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            lock (counts)
            {
                counts[instrument.Name] = counts.GetValueOrDefault(instrument.Name) + value;
            }
        });
        listener.Start();

        for (var i = 0; i < 5; i++)
        {
            await harness.RegisterAsync(new TestPhone("1001", "guess"), Contact);
        }

        // Other registrars in parallel tests share the meter name: count at least ours.
        Assert.True(counts.GetValueOrDefault("auth_failures") >= 5);
        Assert.True(counts.GetValueOrDefault("auth_lockouts") >= 2);
    }
}
