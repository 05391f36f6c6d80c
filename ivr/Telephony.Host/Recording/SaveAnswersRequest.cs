namespace Telephony.Host.Recording;

/// <summary>A draft's answers, criterion id → answer; replaces what was saved before.</summary>
public sealed record SaveAnswersRequest(IReadOnlyDictionary<string, AnswerDocument> Answers);
