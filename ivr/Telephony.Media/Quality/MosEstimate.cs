namespace Telephony.Media.Quality;

/// <summary>An E-model rating and the mean opinion score it maps to.</summary>
/// <param name="RFactor">Transmission rating R, 0–100 (93.2 is a perfect G.711 call).</param>
/// <param name="Mos">Estimated listening-conversational MOS, 1.0–4.5.</param>
public readonly record struct MosEstimate(double RFactor, double Mos);
