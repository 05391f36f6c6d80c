using System.Globalization;
using System.Security.Claims;

namespace Telephony.Host.Identity;

internal static class ClaimsFactory
{
    public const string ExtensionClaim = "telephony:extension";

    public static ClaimsPrincipal Create(Account account, string scheme)
    {
        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, account.Id.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, account.Username),
            new(ClaimTypes.GivenName, account.DisplayName),
            new(ClaimTypes.Role, account.Role),
        ];
        if (account.Extension is not null)
        {
            claims.Add(new Claim(ExtensionClaim, account.Extension));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }
}
