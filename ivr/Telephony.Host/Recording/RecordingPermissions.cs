using System.Security.Claims;
using Telephony.Host.Identity;

namespace Telephony.Host.Recording;

/// <summary>Who may hear which recording: QA, supervisors and admins any; an agent only their own calls' (when allowed).</summary>
internal static class RecordingPermissions
{
    public static bool IsReviewer(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Qa) || user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Admin);

    /// <summary>The signed-in agent's extension, or null for staff without a phone.</summary>
    public static string? ExtensionOf(ClaimsPrincipal user) => user.FindFirstValue(ClaimsFactory.ExtensionClaim);

    public static bool MayPlay(ClaimsPrincipal user, string? recordingAgent, RecordingHostOptions options) =>
        IsReviewer(user) ||
        (options.AgentsPlayOwnRecordings && user.IsInRole(Roles.Agent) && recordingAgent is not null &&
         string.Equals(ExtensionOf(user), recordingAgent, StringComparison.Ordinal));

    public static string NameOf(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";
}
