using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Telephony.Data.Migrations;
using Telephony.Host.Identity;
using Telephony.Host.Sip;
using Telephony.Sip.Messages;
using Telephony.Sip.Registrar;
using Telephony.TestKit.Postgres;

namespace Telephony.Host.Tests.Sip;

/// <summary>
/// The registrar on the host's tables: credentials written by <see cref="AccountStore"/> authenticate, and a phone that
/// registered through one host is found by another sharing the database and the nonce key.
/// </summary>
public sealed class PostgresRegistrarTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private static readonly byte[] s_nonceKey = RandomNumberGenerator.GetBytes(32);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync()
    {
        await database.MigrateAsync(MigrationCatalog.FromAssembly("host", typeof(AccountStore).Assembly));
        await new AccountStore(database.DataSource).SetSipPasswordAsync("1001", "right-pass", null, CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("SHA-256")]
    [InlineData("MD5")]
    public async Task Phone_registered_through_host_a_is_found_by_host_b(string algorithm)
    {
        var hostA = Registrar("host-a");
        var hostB = new PostgresRegistrationStore(database.DataSource, _time);
        const string contact = "sip:1001-0x55aa@127.0.0.1:5074";
        var callId = SipTag.NewCallId("192.0.2.50");

        var challenge = await SendAsync(hostA, Register(callId, 1, contact, null));
        var ok = await SendAsync(hostA, Register(callId, 2, contact, Answer(challenge, algorithm, "right-pass")));

        Assert.Equal(200, ok.StatusCode);
        var binding = Assert.Single(await hostB.FindContactsAsync("1001", CancellationToken.None), b => b.ContactUri == contact);
        Assert.Equal("host-a", binding.HostId);
        Assert.Equal(IPAddress.Parse("192.0.2.50"), binding.Source.Address);
    }

    [Fact]
    public async Task Wrong_password_against_the_stored_hashes_gets_403()
    {
        var registrar = Registrar("host-a");
        var callId = SipTag.NewCallId("192.0.2.50");

        var challenge = await SendAsync(registrar, Register(callId, 1, "sip:1001@192.0.2.50", null));
        var refused = await SendAsync(registrar, Register(callId, 2, "sip:1001@192.0.2.50", Answer(challenge, "SHA-256", "wrong-pass")));

        Assert.Equal(403, refused.StatusCode);
    }

    [Fact]
    public async Task Credential_store_finds_only_users_of_its_realm()
    {
        Assert.NotNull(await new PostgresSipCredentialStore(database.DataSource, AccountStore.SipRealm).FindAsync("1001", CancellationToken.None));
        Assert.Null(await new PostgresSipCredentialStore(database.DataSource, "elsewhere").FindAsync("1001", CancellationToken.None));
        Assert.Null(await new PostgresSipCredentialStore(database.DataSource, AccountStore.SipRealm).FindAsync("nobody", CancellationToken.None));
    }

    private SipRegistrar Registrar(string hostId) => new(
        new SipRegistrarOptions { Realm = AccountStore.SipRealm, NonceKey = s_nonceKey, HostId = hostId },
        new PostgresSipCredentialStore(database.DataSource, AccountStore.SipRealm),
        new PostgresRegistrationStore(database.DataSource, _time),
        _time);

    private static async Task<SipResponse> SendAsync(SipRegistrar registrar, SipRequest request) =>
        (SipResponse)(await registrar.HandleAsync(request, new IPEndPoint(IPAddress.Parse("192.0.2.50"), 5062), "UDP", CancellationToken.None)).Build();

    private static SipRequest Register(string callId, int cseq, string contact, string? authorization)
    {
        var builder = SipMessageBuilder.Request(SipMethod.Register, "sip:127.0.0.1")
            .AddHeader(SipHeaderKind.Via, $"SIP/2.0/UDP 192.0.2.50:5062;branch={SipTag.NewBranch()}")
            .AddHeader(SipHeaderKind.From, "<sip:1001@127.0.0.1>;tag=f1")
            .AddHeader(SipHeaderKind.To, "<sip:1001@127.0.0.1>")
            .AddHeader(SipHeaderKind.CallId, callId)
            .AddHeader(SipHeaderKind.CSeq, $"{cseq} REGISTER")
            .AddHeader(SipHeaderKind.Contact, $"<{contact}>");
        if (authorization is not null)
        {
            builder.AddHeader(SipHeaderKind.Authorization, authorization);
        }

        return (SipRequest)builder.Build();
    }

    /// <summary>RFC 7616 qop=auth computed here with the hash primitives, independently of the SIP library.</summary>
    private static string Answer(SipResponse challenge, string algorithm, string password)
    {
        var nonce = challenge.WwwAuthenticate.Single(c => c.Algorithm == algorithm).Nonce;
        var ha1 = H(algorithm, $"1001:telephony:{password}");
        var response = H(algorithm, $"{ha1}:{nonce}:00000001:c0ffee:auth:{H(algorithm, "REGISTER:sip:127.0.0.1")}");
        return $"Digest username=\"1001\", realm=\"telephony\", nonce=\"{nonce}\", uri=\"sip:127.0.0.1\", response=\"{response}\", "
            + $"algorithm={algorithm}, qop=auth, nc=00000001, cnonce=\"c0ffee\"";
    }

    private static string H(string algorithm, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
#pragma warning disable CA5351 // MD5 is the digest algorithm under test.
        return Convert.ToHexStringLower(algorithm == "MD5" ? MD5.HashData(bytes) : SHA256.HashData(bytes));
#pragma warning restore CA5351
    }
}
