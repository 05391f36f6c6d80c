using System.Security.Claims;

namespace Telephony.Host.Ivr;

/// <summary>What the IVR endpoints read from a request: the acting user, the client's address, a JSON body as text.</summary>
internal static class IvrRequest
{
    /// <summary>Documents larger than this are refused before parsing; a large hotline's tree is well under 1 MB.</summary>
    public const int MaxDocumentBytes = 4 * 1024 * 1024;

    public static string Actor(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";

    public static string? SourceIp(HttpContext context) => context.Connection.RemoteIpAddress?.ToString();

    public static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxDocumentBytes)
        {
            return null;
        }

        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(cancellationToken);
        return text.Length > MaxDocumentBytes ? null : text;
    }
}
