using Dapper;
using Npgsql;
using Telephony.Sip.Registrar;

namespace Telephony.Host.Sip;

/// <summary>The registrar's credentials from the host's <c>sip_credentials</c> table (HA1s only, never passwords).</summary>
public sealed class PostgresSipCredentialStore(NpgsqlDataSource dataSource, string realm) : ISipCredentialStore
{
    public async Task<SipCredentials?> FindAsync(string userName, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<CredentialRow>(new CommandDefinition(
            "SELECT username, ha1_md5 AS ha1md5, ha1_sha256 AS ha1sha256 FROM sip_credentials WHERE username = @userName AND realm = @realm",
            new { userName, realm },
            cancellationToken: cancellationToken));
        return row is null ? null : new SipCredentials(row.Username, row.Ha1Md5, row.Ha1Sha256);
    }

    private sealed record CredentialRow(string Username, string Ha1Md5, string Ha1Sha256);
}
