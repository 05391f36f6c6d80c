namespace Telephony.Acd.Store.Configuration;

internal sealed record RelaxationStepDocument(double AfterSeconds, int? MaximumRequiredProficiency, bool LanguageOnly);
