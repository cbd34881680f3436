namespace CorsProbing.Conformance.Cases;

/// <summary>The ways one dimension of a correct preflight answer is varied (cors-rules.md §4, step by step).</summary>
public static class ResponseVariations
{
    /// <summary>Every single-dimension variation of <paramref name="correct"/>, the answer to <paramref name="shape"/>.</summary>
    public static IEnumerable<(string Dimension, string Variant, ResponseDraft Response)> Of(RequestShape shape, ResponseDraft correct)
    {
        foreach (var status in new[] { 200, 204, 299, 404, 405, 500 })
        {
            yield return ("status", status.ToString(System.Globalization.CultureInfo.InvariantCulture), correct with { Status = status });
        }

        yield return ("status", "301 with Location", correct with { Status = 301, Location = ["https://api.example.com/elsewhere"] });
        yield return ("status", "302 without Location", correct with { Status = 302 });

        var origin = shape.OriginValue;
        foreach (var (variant, lines) in OriginVariants(origin))
        {
            yield return ("Access-Control-Allow-Origin", variant, correct with { AllowOrigin = lines });
        }

        foreach (var (variant, lines) in new (string, string[])[]
        {
            ("absent", []), ("true", ["true"]), ("TRUE", ["TRUE"]), ("false", ["false"]), ("two lines of true", ["true", "true"]),
            ("an empty line, then true", ["", "true"]), ("true, then an empty line", ["true", ""]),
        })
        {
            yield return ("Access-Control-Allow-Credentials", variant, correct with { AllowCredentials = lines });
        }

        var method = shape.WireMethod;
        foreach (var (variant, lines) in ListVariants(method, SwapCase(method), "GET POST"))
        {
            yield return ("Access-Control-Allow-Methods", variant, correct with { AllowMethods = lines });
        }

        var names = string.Join(", ", shape.UnsafeHeaderNames);
        var upper = names.ToUpperInvariant();
        foreach (var (variant, lines) in ListVariants(names.Length == 0 ? "X-Unrelated" : names, upper.Length == 0 ? "X-UNRELATED" : upper, "X-Api-Key(v2)"))
        {
            yield return ("Access-Control-Allow-Headers", variant, correct with { AllowHeaders = lines });
        }

        foreach (var style in new[] { NameStyle.LowerCase, NameStyle.UpperCase, NameStyle.RawWhitespace })
        {
            yield return ("header lines", style.ToString(), correct with { Style = style });
        }
    }

    private static IEnumerable<(string, string[])> OriginVariants(string origin)
    {
        yield return ("absent", []);
        yield return ("*", ["*"]);
        yield return ("exact", [origin]);
        yield return ("case changed", [origin == "null" ? "NULL" : origin.Replace("dashboard", "Dashboard", StringComparison.Ordinal).Replace("localhost", "LocalHost", StringComparison.Ordinal)]);
        yield return ("trailing slash", [origin + "/"]);
        if (origin.StartsWith("https://", StringComparison.Ordinal))
        {
            yield return ("default port", [origin + ":443"]);
        }

        yield return ("null", ["null"]);
        yield return ("two lines", [origin, origin]);
        yield return ("comma list", [origin + ", https://partner.example"]);
    }

    private static IEnumerable<(string, string[])> ListVariants(string exact, string caseChanged, string invalid)
    {
        yield return ("absent", []);
        yield return ("exact", [exact]);
        yield return ("case changed", [caseChanged]);
        yield return ("*", ["*"]);
        yield return ("empty items", [$" , ,{exact}, ,"]);
        yield return ("invalid token", [$"{exact}, {invalid}"]);
        yield return ("split over two lines", ["OPTIONS", exact]);
    }

    private static string SwapCase(string value) =>
        string.Concat(value.Select(c => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c)));
}
