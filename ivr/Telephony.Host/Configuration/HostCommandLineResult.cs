namespace Telephony.Host.Configuration;

public sealed record HostCommandLineResult(IReadOnlyDictionary<string, string?> Values, string? Error)
{
    public static HostCommandLineResult Fail(string error) => new(new Dictionary<string, string?>(), error);
}
