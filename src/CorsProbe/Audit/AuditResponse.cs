using CorsProbing.Evaluation;

namespace CorsProbing.Audit;

/// <summary>What the server answered to one crafted origin, kept as text (the response itself is disposed).</summary>
internal sealed record AuditResponse(
    AuditOrigin Origin,
    string RequestMethod,
    int? Status,
    string? AllowOrigin,
    bool AllowsCredentials,
    string? AllowCredentials,
    bool VariesByOrigin,
    string? Vary,
    IReadOnlyList<string> AllowedMethods,
    IReadOnlyList<string> AllowedHeaders,
    bool BrowserAllows,
    string? Error)
{
    /// <summary>The server echoed exactly the crafted origin.</summary>
    public bool Reflected => Error is null && string.Equals(AllowOrigin, Origin.Origin, StringComparison.Ordinal);

    /// <summary>The server answered <c>*</c>.</summary>
    public bool Wildcard => AllowOrigin == "*";

    /// <summary>A 2xx status: a preflight passes, an actual response carries the resource.</summary>
    public bool OkStatus => Status is >= 200 and <= 299;

    /// <summary>Keeps what <paramref name="evaluation"/> holds; <paramref name="browserAllows"/> says whether a browser lets the request through.</summary>
    public static AuditResponse From(AuditOrigin origin, string requestMethod, ResponseEvaluation evaluation, bool browserAllows)
    {
        var headers = evaluation.Headers;
        return new AuditResponse(
            origin,
            requestMethod,
            evaluation.Response.Status,
            headers.AllowOrigin.Combined,
            headers.AllowCredentials.IsSingle("true"),
            headers.AllowCredentials.Combined,
            CorsEvaluator.VaryCoversOrigin(headers.Vary),
            headers.Vary.Combined,
            evaluation.Methods.List?.Elements ?? HeaderList.Parse(headers.AllowMethods).Elements,
            evaluation.RequestHeaders.List?.Elements ?? HeaderList.Parse(headers.AllowHeaders).Elements,
            browserAllows,
            Error: null);
    }

    /// <summary>An exchange that got no answer.</summary>
    public static AuditResponse Failed(AuditOrigin origin, string requestMethod, string error) =>
        new(origin, requestMethod, null, null, false, null, false, null, [], [], false, error);

    /// <summary>The request and the CORS headers of the answer, on one line.</summary>
    public string Evidence
    {
        get
        {
            var text = new StringBuilder($"{RequestMethod} with Origin: {Origin.Origin} → ");
            if (Error is not null)
            {
                return text.Append("no answer: ").Append(Error).ToString();
            }

            text.Append("HTTP ").Append(Status);
            Append(text, CorsHeaderNames.AllowOrigin, AllowOrigin);
            Append(text, CorsHeaderNames.AllowCredentials, AllowCredentials);
            Append(text, CorsHeaderNames.AllowMethods, AllowedMethods.Count == 0 ? null : string.Join(", ", AllowedMethods));
            Append(text, CorsHeaderNames.AllowHeaders, AllowedHeaders.Count == 0 ? null : string.Join(", ", AllowedHeaders));
            Append(text, CorsHeaderNames.Vary, Vary);
            return text.ToString();
        }
    }

    private static void Append(StringBuilder text, string name, string? value)
    {
        if (value is not null)
        {
            text.Append("; ").Append(name).Append(": ").Append(Requirements.Printable.Escape(value));
        }
    }
}
