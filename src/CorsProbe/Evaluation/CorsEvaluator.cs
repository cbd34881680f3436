using CorsProbing.Http;

namespace CorsProbing.Evaluation;

/// <summary>
/// Judges a response as Chromium does (docs/cors-rules.md, "Judging the preflight response" and "After the preflight"): a pure,
/// synchronous function of the status and header lines, into an evidence record of the values it decided on. Unlike a
/// browser it does not stop at the first failure: every failing step is recorded, in Chromium's order.
/// </summary>
internal static class CorsEvaluator
{
    /// <summary>Evaluates <paramref name="response"/> as the answer to the preflight described by <paramref name="context"/>.</summary>
    public static ResponseEvaluation EvaluatePreflight(ResponseSnapshot response, in CorsRequest context)
    {
        var headers = CorsHeaderValues.Read(response);
        var checks = RedirectCheck.Check(response, headers, context);
        checks |= CheckCors(headers, context, out var origin);
        if ((checks & CorsChecks.Redirect) != 0)
        {
            // A redirect is the whole story: the status is 3xx and its lists are not the API's.
            return new ResponseEvaluation(response, headers, checks, origin, default, default, default);
        }

        // "CORS-preflight fetch" step 7: an ok status.
        if (response.Status is < 200 or > 299)
        {
            checks |= CorsChecks.Status;
        }

        // Steps 7.1-7.2: both lists must parse (methods first); then the method and header checks (7.9, 7.10).
        var methods = ReadMethods(headers.AllowMethods, context.Method);
        checks |= CheckMethod(methods, context);
        var requestHeaders = ReadRequestHeaders(headers.AllowHeaders, context.UnsafeHeaderNames);
        checks |= CheckHeaders(requestHeaders, context);

        return new ResponseEvaluation(response, headers, checks, origin, methods, requestHeaders, EngineMaxAges.Read(headers.MaxAge));
    }

    /// <summary>
    /// The CORS check alone (origin, credentials, <c>Vary</c>), as a browser applies it to the response of the actual
    /// request, and to each redirect on the way (flagged <see cref="CorsChecks.Redirect"/>, to be followed).
    /// </summary>
    public static ResponseEvaluation EvaluateActualResponse(ResponseSnapshot response, in CorsRequest context)
    {
        var headers = CorsHeaderValues.Read(response);
        var checks = RedirectCheck.Check(response, headers, context) | CheckCors(headers, context, out var origin);
        return new ResponseEvaluation(response, headers, checks, origin, default, default, default);
    }

    // Fetch "CORS check", with Chromium's choice of error (cors.cc CheckAccess), then the Vary warning.
    private static CorsChecks CheckCors(CorsHeaderValues headers, in CorsRequest context, out OriginMatch origin)
    {
        origin = CompareOrigin(headers.AllowOrigin, context.Origin);
        var checks = origin switch
        {
            OriginMatch.Missing => CorsChecks.AllowOriginMissing,
            OriginMatch.Multiple => CorsChecks.AllowOriginMultiple,
            OriginMatch.Mismatch => CorsChecks.AllowOriginMismatch,
            OriginMatch.Wildcard when context.Credentials => CorsChecks.WildcardWithCredentials,
            _ => CorsChecks.None,
        };

        if (context.Credentials && !headers.AllowCredentials.IsSingle("true"))
        {
            checks |= CorsChecks.AllowCredentials;
            if (headers.AllowCredentials.IsSingleApartFromEmptyLines("true"))
            {
                checks |= CorsChecks.AllowCredentialsApartFromEmptyLines;
            }
        }

        if (origin == OriginMatch.Exact && !VaryCoversOrigin(headers.Vary))
        {
            checks |= CorsChecks.MissingVaryOrigin;
        }

        return checks;
    }

    private static OriginMatch CompareOrigin(HeaderValue allowOrigin, string origin)
    {
        if (allowOrigin.Single is not { } value)
        {
            // Several lines join to "a, b": never equal to an origin or "*", and it holds a comma.
            return allowOrigin.IsAbsent ? OriginMatch.Missing : OriginMatch.Multiple;
        }

        if (value is "*")
        {
            return OriginMatch.Wildcard;
        }

        if (value == origin)
        {
            return OriginMatch.Exact;
        }

        // Chromium reports "multiple values" when the value holds a space or a comma.
        return value.AsSpan().IndexOfAny(' ', ',') >= 0 ? OriginMatch.Multiple : OriginMatch.Mismatch;
    }

    /// <summary>Whether <c>Vary</c> lists <c>Origin</c> (or <c>*</c>).</summary>
    public static bool VaryCoversOrigin(HeaderValue vary)
    {
        foreach (var element in HeaderList.Parse(vary).Elements)
        {
            if (element is "*" || element.Equals("origin", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static AllowMethodsEvidence ReadMethods(HeaderValue allowMethods, string method)
    {
        var list = HeaderList.Parse(allowMethods);
        string? caseVariant = null;
        bool listed = false, wildcard = false;
        foreach (var element in list.Elements)
        {
            // "*" is both a wildcard (without credentials) and a token that a method named "*" matches.
            wildcard |= element is "*";
            listed |= element == method;
            caseVariant ??= element != method && element.Equals(method, StringComparison.OrdinalIgnoreCase) ? element : null;
        }

        return new AllowMethodsEvidence(list, listed, wildcard, caseVariant);
    }

    private static AllowHeadersEvidence ReadRequestHeaders(HeaderValue allowHeaders, string[] names)
    {
        // Elements and names are tokens, so ASCII case folding is the whole of the case-insensitive comparison. A name
        // may be requested twice (Firefox repeats a header set twice in two cases): one element allows both.
        var list = HeaderList.Parse(allowHeaders);
        var unlisted = new List<string>(names.Length);
        foreach (var name in names)
        {
            if (!list.Elements.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                unlisted.Add(name);
            }
        }

        return new AllowHeadersEvidence(list, unlisted.Count == 0 ? [] : [.. unlisted], list.Elements.Contains("*"));
    }

    // Step 7.9 / Chromium EnsureAllowedCrossOriginMethod: an exact, case-sensitive match; "*" is a wildcard only
    // without credentials, and GET, HEAD and POST pass whether listed or not.
    private static CorsChecks CheckMethod(AllowMethodsEvidence methods, in CorsRequest context)
    {
        if (methods.List.Invalid is not null)
        {
            return CorsChecks.InvalidAllowMethods;
        }

        if (methods.Listed || (!context.Credentials && methods.Wildcard))
        {
            return CorsChecks.None;
        }

        return HttpMethods.IsSafelisted(context.Method) ? CorsChecks.MethodOnlySafelisted : CorsChecks.MethodNotAllowed;
    }

    // Step 7.10 / Chromium EnsureAllowedCrossOriginHeaders: every unsafe name listed (case-insensitively), or "*"
    // without credentials. Chromium lets "*" cover Authorization too; the standard does not
    // (docs/cors-rules.md, "Where the engines differ from the standard, and why CorsProbe follows them").
    private static CorsChecks CheckHeaders(AllowHeadersEvidence headers, in CorsRequest context)
    {
        if (headers.List.Invalid is not null)
        {
            return CorsChecks.InvalidAllowHeaders;
        }

        if (headers.Unlisted.Length == 0)
        {
            return CorsChecks.None;
        }

        if (!context.Credentials && headers.Wildcard)
        {
            return Array.IndexOf(headers.Unlisted, "authorization") >= 0 ? CorsChecks.AuthorizationByWildcard : CorsChecks.None;
        }

        return CorsChecks.HeaderNotAllowed;
    }
}
