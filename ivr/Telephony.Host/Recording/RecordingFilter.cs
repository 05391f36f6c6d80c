namespace Telephony.Host.Recording;

/// <summary>The recordings list's query string: every filter optional; durations in seconds; <c>caller</c> matches part of the number.</summary>
public sealed record RecordingFilter(
    DateTimeOffset? From,
    DateTimeOffset? To,
    string? Agent,
    string? Queue,
    string? Caller,
    int? MinSeconds,
    int? MaxSeconds,
    bool? Evaluated,
    int? Limit);
