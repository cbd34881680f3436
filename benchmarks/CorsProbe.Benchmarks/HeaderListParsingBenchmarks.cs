using System.Net;
using BenchmarkDotNet.Attributes;
using CorsProbing.Evaluation;

namespace CorsProbing.Benchmarks;

/// <summary>Parsing an allowed-methods/-headers list: the naive Split/Trim/HashSet way vs CorsProbe's span parser.</summary>
[MemoryDiagnoser]
public class HeaderListParsingBenchmarks
{
    private HttpResponseMessage _response = null!;

    [Params(1, 6, 40)]
    public int Items { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // 40 items come with spaces and empty items, as sloppy configurations write them.
        var names = Enumerable.Range(0, Items).Select(i => i == Items - 1 ? "X-Wanted" : $"X-Header-{i}").ToArray();
        var value = Items < 40 ? string.Join(", ", names) : string.Join(" ,  , ", names) + ", ,";
        _response = new HttpResponseMessage(HttpStatusCode.NoContent);
        _response.Headers.TryAddWithoutValidation("Access-Control-Allow-Headers", value);
    }

    [GlobalCleanup]
    public void Cleanup() => _response.Dispose();

    /// <summary>Is the list valid, and does it allow <c>x-wanted</c>? The usual way.</summary>
    [Benchmark(Baseline = true)]
    public bool Naive()
    {
        var items = NaiveCorsCheck.ParseList(_response, "Access-Control-Allow-Headers", StringComparer.OrdinalIgnoreCase, out var valid);
        return valid && items.Contains("x-wanted");
    }

    /// <summary>The same question, CorsProbe's way: one look-up, then one scan of the raw lines.</summary>
    [Benchmark]
    public bool CorsProbe()
    {
        var lines = HeaderLines.Read(_response, "Access-Control-Allow-Headers");
        return HeaderList.Contains(lines, "x-wanted", StringComparison.OrdinalIgnoreCase);
    }
}
