using System.Net.Http.Headers;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Telephony.Host.Identity;

/// <summary>HTTP Basic for scripts calling /api/* with the same accounts as the pages (deploy TLS in front).</summary>
internal sealed class BasicAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    AccountStore accounts,
    LoginThrottle throttle) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "Basic";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header) ||
            !SchemeName.Equals(header.Scheme, StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
        {
            return AuthenticateResult.NoResult();
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
        }
        catch (FormatException)
        {
            return AuthenticateResult.Fail("Malformed Basic credentials");
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return AuthenticateResult.Fail("Malformed Basic credentials");
        }

        var username = decoded[..colon];
        var source = Context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (throttle.IsLockedOut(source, username))
        {
            return AuthenticateResult.Fail("Too many failed sign-ins; try again later");
        }

        var account = await accounts.VerifyAsync(username, decoded[(colon + 1)..], Context.RequestAborted);
        if (account is null)
        {
            throttle.RecordFailure(source, username);
            return AuthenticateResult.Fail("Wrong username or password");
        }

        throttle.RecordSuccess(source, username);
        return AuthenticateResult.Success(new AuthenticationTicket(ClaimsFactory.Create(account, SchemeName), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Basic realm=\"telephony\", charset=\"UTF-8\"";
        return Task.CompletedTask;
    }
}
