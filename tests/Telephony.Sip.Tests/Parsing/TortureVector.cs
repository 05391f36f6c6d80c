using System.Text.Json;

namespace Telephony.Sip.Tests.Parsing;

/// <summary>One entry of Vectors/vectors.json: a torture-test message and what the parser must make of it.</summary>
public sealed class TortureVector
{
    private static readonly Lazy<IReadOnlyList<TortureVector>> s_all = new(Load);

    private TortureVector(JsonElement element)
    {
        Element = element;
    }

    public JsonElement Element { get; }

    public string File => Element.GetProperty("file").GetString()!;

    public string Expect => Element.GetProperty("expect").GetString()!;

    public static IReadOnlyList<TortureVector> All => s_all.Value;

    public static TortureVector Get(string file) => All.Single(vector => vector.File == file);

    public static TheoryData<string> Files(params string[] expectations)
    {
        var data = new TheoryData<string>();
        foreach (var vector in All.Where(vector => expectations.Length == 0 || expectations.Contains(vector.Expect)))
        {
            data.Add(vector.File);
        }

        return data;
    }

    public byte[] ReadBytes() => System.IO.File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Vectors", File));

    /// <summary>The message as the RFC text has it: bare LF line ends of the RFC 5118 archive become CRLF.</summary>
    public byte[] ReadMessageBytes()
    {
        var bytes = ReadBytes();
        if (GetString("lineEndings") != "lf")
        {
            return bytes;
        }

        var crlf = new List<byte>(bytes.Length + 64);
        foreach (var b in bytes)
        {
            if (b == '\n')
            {
                crlf.Add((byte)'\r');
            }

            crlf.Add(b);
        }

        return [.. crlf];
    }

    public string? GetString(string name) => Element.TryGetProperty(name, out var value) ? value.GetString() : null;

    public int? GetInt(string name) => Element.TryGetProperty(name, out var value) ? value.GetInt32() : null;

    public bool? GetBool(string name) => Element.TryGetProperty(name, out var value) ? value.GetBoolean() : null;

    public string[]? GetStrings(string name) =>
        Element.TryGetProperty(name, out var value) ? value.EnumerateArray().Select(item => item.GetString()!).ToArray() : null;

    public override string ToString() => File;

    private static IReadOnlyList<TortureVector> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Vectors", "vectors.json");
        using var document = JsonDocument.Parse(System.IO.File.ReadAllBytes(path));
        return document.RootElement.GetProperty("vectors").EnumerateArray().Select(element => new TortureVector(element.Clone())).ToList();
    }
}
