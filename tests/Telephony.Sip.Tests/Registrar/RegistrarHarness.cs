using System.Net;
using Microsoft.Extensions.Time.Testing;
using Telephony.Sip.Messages;
using Telephony.Sip.Registrar;

namespace Telephony.Sip.Tests.Registrar;

/// <summary>A registrar on virtual time with an in-memory location service and a user 1001 / "right-pass".</summary>
internal sealed class RegistrarHarness
{
    public static readonly IPEndPoint PhoneAddress = new(IPAddress.Parse("192.0.2.50"), 5062);

    public RegistrarHarness(Action<SipRegistrarOptions>? configure = null)
    {
        Options = new SipRegistrarOptions { NonceKey = new byte[32], HostId = "host-a" };
        configure?.Invoke(Options);
        Credentials.Add("1001", "right-pass");
        Credentials.Add("1002", "other-pass");
        Store = new InMemoryRegistrationStore(Time);
        Registrar = new SipRegistrar(Options, Credentials, Store, Time);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));

    public TestCredentialStore Credentials { get; } = new("telephony");

    public SipRegistrarOptions Options { get; }

    public InMemoryRegistrationStore Store { get; }

    public SipRegistrar Registrar { get; }

    public async Task<SipResponse> SendAsync(SipRequest request, IPEndPoint? source = null) =>
        (SipResponse)(await Registrar.HandleAsync(request, source ?? PhoneAddress, "udp", CancellationToken.None)).Build();

    /// <summary>REGISTER, take the 401, answer it: the final response.</summary>
    public async Task<SipResponse> RegisterAsync(TestPhone phone, IEnumerable<string> contacts, string? expires = null, IPEndPoint? source = null)
    {
        var contactList = contacts.ToList();
        var challenge = await SendAsync(phone.Register(contactList, expires), source);
        Assert.Equal(401, challenge.StatusCode);
        return await SendAsync(phone.Register(contactList, expires, phone.Answer(challenge)), source);
    }

    public Task<SipResponse> RegisterAsync(TestPhone phone, string contact = "<sip:1001@192.0.2.50:5062>", string? expires = null, IPEndPoint? source = null) =>
        RegisterAsync(phone, [contact], expires, source);
}
