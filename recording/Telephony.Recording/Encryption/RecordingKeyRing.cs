namespace Telephony.Recording.Encryption;

/// <summary>The configured encryption keys by id, and which one new files use.</summary>
public sealed class RecordingKeyRing
{
    private readonly Dictionary<string, byte[]> _keys;

    public RecordingKeyRing(RecordingEncryptionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _keys = options.Keys.ToDictionary(k => k.Key, k => Convert.FromBase64String(k.Value), StringComparer.Ordinal);
        ActiveKeyId = options.Enabled ? options.ActiveKeyId : null;
    }

    /// <summary>The key new files are encrypted with, or null when encryption is off.</summary>
    public string? ActiveKeyId { get; }

    public bool TryGetKey(string keyId, out byte[] key) => _keys.TryGetValue(keyId, out key!);

    public byte[] GetKey(string keyId) =>
        TryGetKey(keyId, out var key) ? key : throw new KeyNotFoundException($"Recording key '{keyId}' is not configured (Recording:Encryption:Keys).");
}
