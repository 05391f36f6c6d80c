using System.Security.Cryptography;
using Telephony.Recording.Encryption;

namespace Telephony.Recording.Tests.Encryption;

public sealed class RecordingCipherTests : IDisposable
{
    private static readonly string KeyOne = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private static readonly string KeyTwo = Convert.ToBase64String(Enumerable.Range(100, 32).Select(i => (byte)i).ToArray());
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task Cipher_round_trip_after_rotation_reads_files_of_the_old_and_the_new_key()
    {
        var plainOne = WritePlain("one.wav", 250_001);
        var before = new RecordingCipher(Ring("k1", ("k1", KeyOne)));
        await before.EncryptFileAsync(plainOne, plainOne + ".enc", CancellationToken.None);

        var after = new RecordingCipher(Ring("k2", ("k1", KeyOne), ("k2", KeyTwo)));
        var plainTwo = WritePlain("two.wav", 70_000);
        await after.EncryptFileAsync(plainTwo, plainTwo + ".enc", CancellationToken.None);

        Assert.Equal(await File.ReadAllBytesAsync(plainOne), ReadAll(after, plainOne + ".enc"));
        Assert.Equal(await File.ReadAllBytesAsync(plainTwo), ReadAll(after, plainTwo + ".enc"));
        Assert.NotEqual(await File.ReadAllBytesAsync(plainTwo), (await File.ReadAllBytesAsync(plainTwo + ".enc")).AsSpan(0, 70_000).ToArray());
    }

    [Fact]
    public async Task Cipher_file_of_a_key_no_longer_configured_cannot_be_opened()
    {
        var plain = WritePlain("gone.wav", 1000);
        await new RecordingCipher(Ring("k1", ("k1", KeyOne))).EncryptFileAsync(plain, plain + ".enc", CancellationToken.None);

        var withoutOldKey = new RecordingCipher(Ring("k2", ("k2", KeyTwo)));

        Assert.Throws<KeyNotFoundException>(() => withoutOldKey.OpenRead(plain + ".enc").Dispose());
    }

    [Fact]
    public async Task Cipher_tampered_chunk_fails_authentication()
    {
        var plain = WritePlain("tamper.wav", 5000);
        var cipher = new RecordingCipher(Ring("k1", ("k1", KeyOne)), chunkSize: 1024);
        await cipher.EncryptFileAsync(plain, plain + ".enc", CancellationToken.None);
        var bytes = await File.ReadAllBytesAsync(plain + ".enc");
        bytes[^100] ^= 1;
        await File.WriteAllBytesAsync(plain + ".enc", bytes);

        using var stream = cipher.OpenRead(plain + ".enc");
        stream.Position = 4500;
        Assert.ThrowsAny<CryptographicException>(() => stream.ReadByte());
    }

    [Fact]
    public async Task Cipher_stream_seeks_across_chunk_boundaries()
    {
        var plain = WritePlain("seek.wav", 10_000);
        var cipher = new RecordingCipher(Ring("k1", ("k1", KeyOne)), chunkSize: 1000);
        await cipher.EncryptFileAsync(plain, plain + ".enc", CancellationToken.None);
        var expected = await File.ReadAllBytesAsync(plain);

        using var stream = cipher.OpenRead(plain + ".enc");
        stream.Seek(1990, SeekOrigin.Begin);
        var buffer = new byte[25];
        stream.ReadExactly(buffer);

        Assert.Equal(10_000, stream.Length);
        Assert.Equal(expected.AsSpan(1990, 25).ToArray(), buffer);
        stream.Seek(-3, SeekOrigin.End);
        Assert.Equal(expected[^3], stream.ReadByte());
    }

    [Fact]
    public void Options_active_key_missing_from_the_keys_names_the_setting()
    {
        var options = new RecordingEncryptionOptions { ActiveKeyId = "k9" };
        options.Keys["k1"] = KeyOne;

        var error = Assert.Throws<InvalidOperationException>(options.Validate);

        Assert.Contains("Recording:Encryption:ActiveKeyId", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();

    private static RecordingKeyRing Ring(string active, params (string Id, string Key)[] keys)
    {
        var options = new RecordingEncryptionOptions { ActiveKeyId = active };
        foreach (var (id, key) in keys)
        {
            options.Keys[id] = key;
        }

        return new RecordingKeyRing(options);
    }

    private static byte[] ReadAll(RecordingCipher cipher, string path)
    {
        using var stream = cipher.OpenRead(path);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private string WritePlain(string name, int length)
    {
        var path = Path.Combine(_directory.Path, name);
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
