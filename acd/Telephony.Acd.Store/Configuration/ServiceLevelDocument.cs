namespace Telephony.Acd.Store.Configuration;

internal sealed record ServiceLevelDocument(double Fraction, double ThresholdSeconds);
