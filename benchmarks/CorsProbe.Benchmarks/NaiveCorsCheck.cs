using CorsProbing.Evaluation;

namespace CorsProbing.Benchmarks;

/// <summary>
/// The baseline: the same decisions as <see cref="CorsEvaluator"/> (every check, no early exit), written the way a
/// typical hand-written check does them: validated <c>TryGetValues</c> + <c>string.Split</c> + <c>Trim</c> + <c>HashSet</c>.
/// </summary>
public static class NaiveCorsCheck
{
    public static HashSet<string> ParseList(HttpResponseMessage response, string name, StringComparer comparer, out bool valid)
    {
        valid = true;
        var items = new HashSet<string>(comparer);
        if (response.Headers.TryGetValues(name, out var lines))
        {
            foreach (var line in lines)
            {
                foreach (var item in line.Split(','))
                {
                    var trimmed = item.Trim(' ', '\t');
                    if (trimmed.Length == 0)
                    {
                        continue;
                    }

                    valid &= trimmed.All(static c => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c));
                    items.Add(trimmed);
                }
            }
        }

        return items;
    }

    internal static CorsChecks Evaluate(HttpResponseMessage response, string origin, string method, string[] unsafeHeaders, bool credentials)
    {
        var checks = CorsChecks.None;
        var headers = response.Headers;
        var status = (int)response.StatusCode;
        if (status is 301 or 302 or 303 or 307 or 308 && headers.TryGetValues("Location", out var location) && location.Any(l => l.Trim().Length > 0))
        {
            checks |= CorsChecks.Redirect;
        }

        var allowOrigin = headers.TryGetValues("Access-Control-Allow-Origin", out var origins) ? origins.Select(o => o.Trim()).ToList() : [];
        var echoed = false;
        if (allowOrigin.Count == 0)
        {
            checks |= CorsChecks.AllowOriginMissing;
        }
        else if (allowOrigin.Count > 1 || allowOrigin[0].Contains(',') || allowOrigin[0].Contains(' '))
        {
            checks |= CorsChecks.AllowOriginMultiple;
        }
        else if (allowOrigin[0] == "*")
        {
            checks |= credentials ? CorsChecks.WildcardWithCredentials : CorsChecks.None;
        }
        else if (allowOrigin[0] == origin)
        {
            echoed = true;
        }
        else
        {
            checks |= CorsChecks.AllowOriginMismatch;
        }

        if (credentials && !(headers.TryGetValues("Access-Control-Allow-Credentials", out var allowCredentials) && allowCredentials.Count() == 1 && allowCredentials.Single().Trim() == "true"))
        {
            checks |= CorsChecks.AllowCredentials;
        }

        var vary = ParseList(response, "Vary", StringComparer.OrdinalIgnoreCase, out _);
        if (echoed && !vary.Contains("Origin") && !vary.Contains("*"))
        {
            checks |= CorsChecks.MissingVaryOrigin;
        }

        if (status is < 200 or > 299)
        {
            checks |= CorsChecks.Status;
        }

        var methods = ParseList(response, "Access-Control-Allow-Methods", StringComparer.Ordinal, out var methodsValid);
        var allowedHeaders = ParseList(response, "Access-Control-Allow-Headers", StringComparer.OrdinalIgnoreCase, out var headersValid);
        checks |= methodsValid ? CorsChecks.None : CorsChecks.InvalidAllowMethods;
        checks |= headersValid ? CorsChecks.None : CorsChecks.InvalidAllowHeaders;
        if (methodsValid && !methods.Contains(method) && !(!credentials && methods.Contains("*")))
        {
            checks |= method is "GET" or "HEAD" or "POST" ? CorsChecks.MethodOnlySafelisted : CorsChecks.MethodNotAllowed;
        }

        if (headersValid && !(!credentials && allowedHeaders.Contains("*")) && unsafeHeaders.Any(h => !allowedHeaders.Contains(h)))
        {
            checks |= CorsChecks.HeaderNotAllowed;
        }

        _ = int.TryParse(headers.TryGetValues("Access-Control-Max-Age", out var maxAge) ? maxAge.First() : null, out _);
        return checks;
    }
}
