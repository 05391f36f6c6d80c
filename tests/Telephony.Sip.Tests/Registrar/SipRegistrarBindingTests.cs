using System.Globalization;
using Telephony.Sip.Messages;

namespace Telephony.Sip.Tests.Registrar;

public sealed class SipRegistrarBindingTests
{
    private const string Contact = "<sip:1001@192.0.2.50:5062>";

    [Fact]
    public async Task Ok_lists_the_bindings_with_remaining_expires_and_a_date()
    {
        var harness = new RegistrarHarness();

        var response = await harness.RegisterAsync(new TestPhone("1001", "right-pass"), Contact, expires: "600");

        var contact = Assert.Single(response.Contact);
        Assert.Equal("sip:1001@192.0.2.50:5062", contact.Address!.Uri.ToString());
        Assert.Equal(600u, contact.Expires);
        Assert.Equal(harness.Time.GetUtcNow(), DateTimeOffset.Parse(response.GetHeaderValue("Date")!, CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("<sip:1001@192.0.2.50>;expires=120", "900", 120u)]
    [InlineData("<sip:1001@192.0.2.50>", "900", 900u)]
    [InlineData("<sip:1001@192.0.2.50>", null, 3600u)]
    [InlineData("<sip:1001@192.0.2.50>;expires=86400", null, 3600u)]
    [InlineData("<sip:1001@192.0.2.50>", "4294967295", 3600u)]
    public async Task Expires_comes_from_the_contact_then_the_header_then_the_default_and_is_capped(string contact, string? header, uint granted)
    {
        var harness = new RegistrarHarness();

        var response = await harness.RegisterAsync(new TestPhone("1001", "right-pass"), contact, header);

        Assert.Equal(granted, Assert.Single(response.Contact).Expires);
    }

    [Theory]
    [InlineData("<sip:1001@192.0.2.50>;expires=59", null)]
    [InlineData("<sip:1001@192.0.2.50>", "30")]
    public async Task Expires_below_the_minimum_gets_423_with_min_expires(string contact, string? header)
    {
        var harness = new RegistrarHarness();

        var response = await harness.RegisterAsync(new TestPhone("1001", "right-pass"), contact, header);

        Assert.Equal(423, response.StatusCode);
        Assert.Equal("60", response.GetHeaderValue("Min-Expires"));
        Assert.Empty(await harness.Store.FindContactsAsync("1001", CancellationToken.None));
    }

    [Fact]
    public async Task Several_contacts_bind_and_expires_zero_removes_only_that_one()
    {
        var harness = new RegistrarHarness();
        var phone = new TestPhone("1001", "right-pass");
        await harness.RegisterAsync(phone, ["<sip:1001@192.0.2.50:5062>;q=0.8", "<sip:1001@192.0.2.51:5062>;q=0.5"]);

        var response = await harness.RegisterAsync(phone, "<sip:1001@192.0.2.51:5062>;expires=0");

        var left = Assert.Single(response.Contact);
        Assert.Equal("sip:1001@192.0.2.50:5062", left.Address!.Uri.ToString());
        Assert.Equal(0.8, left.Q);
    }

    [Fact]
    public async Task Wildcard_with_expires_zero_removes_every_binding()
    {
        var harness = new RegistrarHarness();
        var phone = new TestPhone("1001", "right-pass");
        await harness.RegisterAsync(phone, ["<sip:1001@192.0.2.50:5062>", "<sip:1001@192.0.2.51:5062>"]);

        var response = await harness.RegisterAsync(phone, "*", expires: "0");

        Assert.Equal(200, response.StatusCode);
        Assert.Empty(response.Contact);
        Assert.Empty(await harness.Store.FindContactsAsync("1001", CancellationToken.None));
    }

    [Fact]
    public async Task Wildcard_without_expires_zero_gets_400_and_keeps_the_bindings()
    {
        var harness = new RegistrarHarness();
        var phone = new TestPhone("1001", "right-pass");
        await harness.RegisterAsync(phone, Contact);

        var response = await harness.RegisterAsync(phone, "*", expires: "60");

        Assert.Equal(400, response.StatusCode);
        Assert.Single(await harness.Store.FindContactsAsync("1001", CancellationToken.None));
    }

    [Fact]
    public async Task Register_without_contact_queries_the_bindings()
    {
        var harness = new RegistrarHarness();
        var phone = new TestPhone("1001", "right-pass");
        await harness.RegisterAsync(phone, Contact, expires: "300");
        harness.Time.Advance(TimeSpan.FromSeconds(100));

        var response = await harness.RegisterAsync(phone, []);

        Assert.Equal(200u, Assert.Single(response.Contact).Expires);
    }

    [Fact]
    public async Task Bindings_lapse_on_the_clock()
    {
        var harness = new RegistrarHarness();
        await harness.RegisterAsync(new TestPhone("1001", "right-pass"), Contact, expires: "60");

        harness.Time.Advance(TimeSpan.FromSeconds(59));
        Assert.Single(await harness.Store.FindContactsAsync("1001", CancellationToken.None));
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Empty(await harness.Store.FindContactsAsync("1001", CancellationToken.None));
    }

    [Fact]
    public async Task Mangled_contact_is_stored_verbatim_with_source_transport_and_user_agent()
    {
        var harness = new RegistrarHarness();
        const string mangled = "sip:agent1-0x5579a1b2c3d0@127.0.0.1:5074;transport=udp";

        await harness.RegisterAsync(new TestPhone("1001", "right-pass"), $"<{mangled}>;+sip.instance=\"<urn:uuid:1>\"");

        var binding = Assert.Single(await harness.Store.FindContactsAsync("1001", CancellationToken.None));
        Assert.Equal(mangled, binding.ContactUri);
        Assert.Equal(RegistrarHarness.PhoneAddress, binding.Source);
        Assert.Equal("UDP", binding.Transport);
        Assert.Equal("TestPhone/1.0", binding.UserAgent);
        Assert.Equal("host-a", binding.HostId);
        Assert.Equal(harness.Time.GetUtcNow().AddSeconds(3600), binding.ExpiresAt);
    }

    [Fact]
    public async Task Older_cseq_of_the_same_call_id_does_not_undo_a_newer_registration()
    {
        var harness = new RegistrarHarness();
        var phone = new TestPhone("1001", "right-pass");
        var older = phone.Register([$"{Contact};expires=0"], authorization: phone.Answer(await harness.SendAsync(phone.Register([Contact]))));
        var newer = phone.Register([Contact], authorization: phone.Answer(await harness.SendAsync(phone.Register([Contact]))));
        Assert.Equal(200, (await harness.SendAsync(newer)).StatusCode);

        var response = await harness.SendAsync(older);

        Assert.Equal(400, response.StatusCode);
        Assert.Single(await harness.Store.FindContactsAsync("1001", CancellationToken.None));
    }

    [Fact]
    public async Task Non_register_gets_405()
    {
        var harness = new RegistrarHarness();
        var options = (SipRequest)SipMessageBuilder.Request(SipMethod.Options, "sip:127.0.0.1")
            .AddHeader(SipHeaderKind.Via, $"SIP/2.0/UDP 192.0.2.50;branch={SipTag.NewBranch()}")
            .AddHeader(SipHeaderKind.From, "<sip:1001@127.0.0.1>;tag=a")
            .AddHeader(SipHeaderKind.To, "<sip:1001@127.0.0.1>")
            .AddHeader(SipHeaderKind.CallId, "c1")
            .AddHeader(SipHeaderKind.CSeq, "1 OPTIONS")
            .Build();

        Assert.Equal(405, (await harness.SendAsync(options)).StatusCode);
    }
}
