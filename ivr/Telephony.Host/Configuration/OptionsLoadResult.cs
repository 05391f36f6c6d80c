namespace Telephony.Host.Configuration;

public sealed record OptionsLoadResult(TelephonyOptions? Options, IReadOnlyList<string> Errors);
