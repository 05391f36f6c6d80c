namespace Telephony.Media.Wav;

/// <summary>What <see cref="WavRepair"/> found and did.</summary>
/// <param name="Repaired">True when the header or file length had to change.</param>
/// <param name="Format">The file's audio format.</param>
/// <param name="DataLength">Audio bytes in the repaired file (whole sample frames).</param>
/// <param name="DroppedBytes">Bytes of a partial sample frame cut off the end.</param>
public readonly record struct WavRepairResult(bool Repaired, WavFormat Format, long DataLength, long DroppedBytes);
