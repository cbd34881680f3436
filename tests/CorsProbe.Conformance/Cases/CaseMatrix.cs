namespace CorsProbing.Conformance.Cases;

/// <summary>
/// The conformance matrix: every request shape with a correct preflight answer, then a set of representative shapes
/// with one dimension of the answer varied at a time (status, each CORS header, and how the lines are written).
/// Deterministic: the same code always yields the same cases in the same order, so ids are stable.
/// </summary>
public static class CaseMatrix
{
    private static readonly string[] Methods = ["GET", "POST", "PUT", "put", "PATCH", "patch", "DELETE", "PURGE"];

    private static readonly (string Label, KeyValuePair<string, string>[] Headers)[] HeaderSets =
    [
        ("no headers", []),
        ("safelisted Accept-Language", [new("Accept-Language", "en-US")]),
        ("Content-Type: application/json", [new("Content-Type", "application/json")]),
        ("Authorization", [new("Authorization", "Bearer t0k3n")]),
        ("custom X-Api-Key", [new("X-Api-Key", "k-123")]),
    ];

    // Shapes the variations are applied to: simple and preflighted, with and without credentials, every origin.
    private static readonly RequestShape[] VariedShapes =
    [
        Shape(CaseOrigin.Galxe, "GET", 0, false),
        Shape(CaseOrigin.Galxe, "POST", 2, true),
        Shape(CaseOrigin.Galxe, "PUT", 4, false),
        Shape(CaseOrigin.Localhost, "put", 3, true),
        Shape(CaseOrigin.Opaque, "patch", 0, false),
        Shape(CaseOrigin.Galxe, "PATCH", 2, true),
        Shape(CaseOrigin.Localhost, "DELETE", 3, false),
        Shape(CaseOrigin.Opaque, "PURGE", 4, true),
        Shape(CaseOrigin.Localhost, "POST", 1, true),
        Shape(CaseOrigin.Opaque, "GET", 3, false),
    ];

    /// <summary>All cases, numbered from 1.</summary>
    public static IReadOnlyList<ConformanceCase> All { get; } = Generate();

    private static RequestShape Shape(CaseOrigin origin, string method, int headerSet, bool credentials) =>
        new(origin, method, HeaderSets[headerSet].Headers, credentials);

    private static List<ConformanceCase> Generate()
    {
        var drafts = new List<(RequestShape Shape, ResponseDraft Response, string Description, RepeatFetch? Repeat)>();

        // 1. Every method x header set x credentials mode, answered correctly; origins take turns.
        var turn = 0;
        foreach (var method in Methods)
        {
            foreach (var (_, headers) in HeaderSets)
            {
                foreach (var credentials in new[] { false, true })
                {
                    var shape = new RequestShape((CaseOrigin)(turn % 3), method, headers, credentials);
                    var response = ResponseDraft.CorrectFor(shape, wildcardWhenAllowed: turn % 2 == 0);
                    drafts.Add((shape, response, $"correct answer; {method}, {Describe(shape)}", null));
                    turn++;
                }
            }
        }

        // 2. One dimension varied at a time, on each representative shape.
        foreach (var shape in VariedShapes)
        {
            var correct = ResponseDraft.CorrectFor(shape, wildcardWhenAllowed: false);
            foreach (var (dimension, variant, response) in ResponseVariations.Of(shape, correct))
            {
                drafts.Add((shape, response, $"{dimension}: {variant}; {shape.Method}, {Describe(shape)}", null));
            }
        }

        // 3. Request headers the engines may treat differently, each to an answer that allows the origin and no header.
        foreach (var (label, headers) in RequestHeaderProbes.All)
        {
            var shape = new RequestShape(CaseOrigin.Galxe, "GET", headers, Credentials: false);
            var response = new ResponseDraft { AllowOrigin = [shape.OriginValue] };
            drafts.Add((shape, response, $"request header: {label}; GET, no Access-Control-Allow-Headers, origin {shape.OriginValue}", null));
        }

        // A header set twice in two cases, to an answer that allows it: Firefox names it twice, and one element allows both.
        var twice = new RequestShape(CaseOrigin.Galxe, "GET", [new("X-Api-Key", "1"), new("x-api-key", "2")], Credentials: false);
        drafts.Add((twice, new ResponseDraft { AllowOrigin = [twice.OriginValue], AllowHeaders = ["X-Api-Key"] },
            $"request header: X-Api-Key set twice, differently cased, and allowed; GET, origin {twice.OriginValue}", null));

        // 4. The preflight cache: a correct answer with an Access-Control-Max-Age, then the same fetch again.
        foreach (var (maxAge, repeat) in PreflightCacheProbes.All)
        {
            var shape = Shape(CaseOrigin.Galxe, "PUT", 0, false);
            var response = ResponseDraft.CorrectFor(shape, wildcardWhenAllowed: false) with { MaxAge = maxAge };
            var described = maxAge.Length == 0 ? "absent" : string.Join(" + ", maxAge.Select(v => $"`{v}`"));
            drafts.Add((shape, response, $"preflight cache: Access-Control-Max-Age {described}, {repeat}; PUT, origin {shape.OriginValue}", repeat));
        }

        // The same request with the same answer is one case, whichever way it was reached.
        var cases = new List<ConformanceCase>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (shape, response, description, repeat) in drafts)
        {
            var candidate = new ConformanceCase(cases.Count + 1, shape.Origin, shape.Method, shape.Headers, shape.Credentials, response.Status, response.Lines(), description, repeat);
            if (seen.Add(candidate.Fingerprint))
            {
                cases.Add(candidate);
            }
        }

        return cases;
    }

    private static string Describe(RequestShape shape)
    {
        var headers = HeaderSets.First(set => set.Headers == shape.Headers).Label;
        return $"{headers}, credentials {(shape.Credentials ? "on" : "off")}, origin {shape.OriginValue}";
    }
}
