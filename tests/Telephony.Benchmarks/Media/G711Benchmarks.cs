using BenchmarkDotNet.Attributes;
using Telephony.Media.Codecs;

namespace Telephony.Benchmarks.Media;

/// <summary>G.711 table codecs over one 20 ms frame (160 samples) and one second (8000 samples).</summary>
[MemoryDiagnoser]
public class G711Benchmarks
{
    private short[] _samples = [];
    private byte[] _codes = [];
    private short[] _decoded = [];

    [Params(160, 8000)]
    public int Samples { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _samples = [.. Enumerable.Range(0, Samples).Select(i => (short)(Math.Sin(i * 0.07) * 12000))];
        _codes = new byte[Samples];
        _decoded = new short[Samples];
        MuLaw.Encode(_samples, _codes);
    }

    [Benchmark]
    public int MuLawEncode() => MuLaw.Encode(_samples, _codes);

    [Benchmark]
    public int MuLawDecode() => MuLaw.Decode(_codes, _decoded);

    [Benchmark]
    public int ALawEncode() => ALaw.Encode(_samples, _codes);

    [Benchmark]
    public void MuLawToALaw() => G711Transcoder.MuLawToALaw(_codes, _codes);
}
