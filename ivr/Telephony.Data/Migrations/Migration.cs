using System.Security.Cryptography;
using System.Text;

namespace Telephony.Data.Migrations;

/// <summary>One SQL script of one component, applied once, in version order within its component.</summary>
public sealed record Migration(string Component, int Version, string Name, string Sql)
{
    public string Checksum { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));
}
