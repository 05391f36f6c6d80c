using Dapper;
using Npgsql;

namespace Telephony.Host.Identity;

/// <summary>Accounts and agents' SIP credentials in PostgreSQL (the host's <c>accounts</c> and <c>sip_credentials</c> tables).</summary>
public sealed class AccountStore(NpgsqlDataSource dataSource)
{
    public const string SipRealm = "telephony";

    public async Task<Account?> FindAsync(string username, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<Account>(new CommandDefinition(
            """
            SELECT id, username, role, display_name AS DisplayName, password_hash AS PasswordHash, extension, disabled
            FROM accounts WHERE lower(username) = lower(@username)
            """,
            new { username },
            cancellationToken: cancellationToken));
    }

    /// <summary>The account when the password is right and the account enabled; the same work is done for unknown users.</summary>
    public async Task<Account?> VerifyAsync(string username, string password, CancellationToken cancellationToken)
    {
        var account = await FindAsync(username, cancellationToken);
        var valid = PasswordHasher.Verify(password, account?.PasswordHash ?? PasswordHasher.Decoy);
        return valid && account is { Disabled: false } ? account : null;
    }

    public async Task<bool> AnyAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition("SELECT EXISTS (SELECT 1 FROM accounts)", cancellationToken: cancellationToken));
    }

    public async Task<long> CreateAsync(string username, string role, string displayName, string password, string? extension, CancellationToken cancellationToken)
    {
        if (!Roles.All.Contains(role))
        {
            throw new ArgumentException($"Unknown role '{role}'", nameof(role));
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            INSERT INTO accounts (username, role, display_name, password_hash, extension)
            VALUES (@username, @role, @displayName, @hash, @extension) RETURNING id
            """,
            new { username, role, displayName, hash = PasswordHasher.Hash(password), extension },
            cancellationToken: cancellationToken));
    }

    /// <summary>Sets the SIP password of a phone, storing only its digest hashes.</summary>
    public async Task SetSipPasswordAsync(string sipUser, string password, long? accountId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO sip_credentials (username, realm, ha1_md5, ha1_sha256, account_id)
            VALUES (@sipUser, @realm, @md5, @sha256, @accountId)
            ON CONFLICT (username) DO UPDATE SET realm = excluded.realm, ha1_md5 = excluded.ha1_md5,
                ha1_sha256 = excluded.ha1_sha256, account_id = excluded.account_id, updated_at = now()
            """,
            new
            {
                sipUser,
                realm = SipRealm,
                md5 = SipDigest.Ha1Md5(sipUser, SipRealm, password),
                sha256 = SipDigest.Ha1Sha256(sipUser, SipRealm, password),
                accountId,
            },
            cancellationToken: cancellationToken));
    }
}
