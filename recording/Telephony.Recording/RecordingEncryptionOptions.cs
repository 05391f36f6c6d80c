namespace Telephony.Recording;

/// <summary>
/// Keys for encryption at rest (<c>Recording:Encryption</c>): every key ever used stays listed so old files stay readable;
/// new recordings use <see cref="ActiveKeyId"/>. Rotating is adding a key and pointing <see cref="ActiveKeyId"/> at it.
/// </summary>
public sealed class RecordingEncryptionOptions
{
    /// <summary>The key new recordings are encrypted with; empty turns encryption off.</summary>
    public string? ActiveKeyId { get; set; }

    /// <summary>Key id → 32-byte AES-256 key in base64.</summary>
    public Dictionary<string, string> Keys { get; set; } = new(StringComparer.Ordinal);

    public bool Enabled => !string.IsNullOrEmpty(ActiveKeyId);

    public void Validate()
    {
        foreach (var (id, key) in Keys)
        {
            RecordingOptions.Require(id.Length is > 0 and <= 64, "Recording:Encryption:Keys", $"has a key id '{id}' that is empty or longer than 64 characters");
            var bytes = new byte[64];
            RecordingOptions.Require(
                Convert.TryFromBase64String(key, bytes, out var length) && length == 32,
                $"Recording:Encryption:Keys:{id}",
                "must be 32 bytes in base64");
        }

        if (Enabled)
        {
            RecordingOptions.Require(Keys.ContainsKey(ActiveKeyId!), "Recording:Encryption:ActiveKeyId", $"names key '{ActiveKeyId}' which is not in Recording:Encryption:Keys");
        }
    }
}
