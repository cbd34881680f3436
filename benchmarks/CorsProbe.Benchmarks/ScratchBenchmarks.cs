using BenchmarkDotNet.Attributes;
using CorsProbing.Evaluation;

namespace CorsProbing.Benchmarks;

[MemoryDiagnoser]
public class ScratchBenchmarks
{
    private HttpResponseMessage _six = null!;
    private CorsResponseHeaders _headers;
    private static readonly string[] Names = ["authorization", "content-type"];

    [GlobalSetup]
    public void Setup()
    {
        _six = SampleResponses.Allowed();
        _headers = CorsResponseHeaders.Read(_six);
    }

    [Benchmark] public int ReadSix() => CorsResponseHeaders.Read(_six).AllowHeaders.Count;
    [Benchmark] public bool Methods() { var v = new AllowMethodsVisitor("PUT"); return HeaderList.Scan(_headers.AllowMethods, ref v) && v.Listed; }
    [Benchmark] public bool Headers() { var v = new AllowHeadersVisitor(Names); return HeaderList.Scan(_headers.AllowHeaders, ref v) && v.AllListed; }
    [Benchmark] public bool Vary() { var v = default(VaryVisitor); return HeaderList.Scan(_headers.Vary, ref v) && v.CoversOrigin; }
    [Benchmark] public int MaxAgeRead() => (int)MaxAge.Read(_headers.MaxAge, out _);
    [Benchmark] public bool Origin() => _headers.AllowOrigin.Single.SequenceEqual(SampleResponses.Origin);
}
