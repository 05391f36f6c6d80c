using Telephony.Sip.Registrar;

namespace Telephony.Sip.Tests.Registrar;

/// <summary>Users by password, kept as HA1s like the host's table; counts look-ups.</summary>
internal sealed class TestCredentialStore(string realm) : ISipCredentialStore
{
    private readonly Dictionary<string, SipCredentials> _users = new(StringComparer.Ordinal);

    public List<string> LookedUp { get; } = [];

    public void Add(string user, string password) =>
        _users[user] = new SipCredentials(user, TestDigest.Ha1("MD5", user, realm, password), TestDigest.Ha1("SHA-256", user, realm, password));

    public Task<SipCredentials?> FindAsync(string userName, CancellationToken cancellationToken)
    {
        LookedUp.Add(userName);
        return Task.FromResult(_users.GetValueOrDefault(userName));
    }
}
