using System.Net;
using BenchmarkDotNet.Attributes;
using CorsProbing.Evaluation;
using CorsProbing.Http;

namespace CorsProbing.Benchmarks;

/// <summary>Parsing an allowed-methods/-headers list: the naive Split/Trim/HashSet way vs CorsProbe's span parser.</summary>
[MemoryDiagnoser]
public class HeaderListParsingBenchmarks
{
    private static readonly string[] Wanted = ["x-wanted"];
    private HttpResponseMessage _response = null!;
    private ResponseSnapshot _snapshot = null!;

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
        _snapshot = Http.ResponseReader.Snapshot(_response);
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

    /// <summary>
    /// The same question, CorsProbe's way: find the header among the response's raw lines (the snapshot the exchange
    /// stage took), then one scan of its lines with the evaluator's own visitor.
    /// </summary>
    [Benchmark]
    public bool CorsProbe()
    {
        var list = HeaderList.Parse(CorsHeaderValues.Read(_snapshot).AllowHeaders);
        return list.Invalid is null && list.Elements.Contains(Wanted[0], StringComparer.OrdinalIgnoreCase);
    }
}
