namespace Telephony.Host.Identity;

/// <summary>Authorization policies, named for what they guard.</summary>
public static class Policies
{
    /// <summary>Menu trees, accounts, the audit log.</summary>
    public const string Admin = "admin";

    /// <summary>Queues, agents' states, call records: supervisors and admins.</summary>
    public const string Supervision = "supervision";

    /// <summary>Listening to and scoring recordings: QA, supervisors and admins.</summary>
    public const string Recordings = "recordings";

    public const string AnyAccount = "any-account";
}
