using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using CorsProbing.Requirements;

namespace CorsProbing.Evaluation;

/// <summary>
/// Judges a preflight response as Chromium does (cors-rules.md §4): a pure, synchronous, allocation-free function
/// of the status and header lines. Unlike a browser it does not stop at the first failure: every failing step is
/// reported, in Chromium's order.
/// </summary>
internal static class CorsEvaluator
{
    /// <summary>Evaluates <paramref name="response"/> to the preflight described by <paramref name="context"/>.</summary>
    public static PreflightDecision Evaluate(HttpResponseMessage response, in PreflightContext context)
    {
        var headers = CorsResponseHeaders.Read(response);
        var checks = CorsChecks.None;
        var status = (int)response.StatusCode;

        // 4.2: a redirect fails before any CORS header is looked at; a handler that followed one hides it.
        if (response.RequestMessage?.RequestUri is { } finalUri && IsAnotherUrl(finalUri, context.RequestUri))
        {
            checks |= CorsChecks.RedirectFollowed;
        }

        var redirected = IsRedirect(status, headers.Location);
        if (redirected)
        {
            checks |= CorsChecks.Redirect;
        }

        // 4.3: the CORS check (origin, then credentials).
        checks |= CheckCors(headers, context);
        if (redirected)
        {
            // The redirect is the whole story of the rest: the status is 3xx and its lists are not the API's.
            return new PreflightDecision(checks, MaxAgeKind.Missing, MaxAge.DefaultSeconds);
        }

        // 4.4: an ok status.
        if (status is < 200 or > 299)
        {
            checks |= CorsChecks.Status;
        }

        // 4.6-4.8: both lists must parse (methods first), then the method and header checks.
        checks |= CheckLists(headers, context);

        var maxAge = MaxAge.Read(headers.MaxAge, out var seconds);
        return new PreflightDecision(checks, maxAge, seconds);
    }

    /// <summary>
    /// The CORS check alone (origin, credentials, <c>Vary</c>), as a browser applies it to the actual response of a
    /// request it does not preflight.
    /// </summary>
    public static PreflightDecision EvaluateActualResponse(HttpResponseMessage response, in PreflightContext context) =>
        new(CheckCors(CorsResponseHeaders.Read(response), context), MaxAgeKind.Missing, MaxAge.DefaultSeconds);

    // The CORS check and the list checks are compiled out of line, each with an inlining budget of its own: folded
    // into Evaluate, they exhaust its budget and leave the small helpers (Slice, SequenceEqual, the visitors'
    // constructors) as calls; the denied-response benchmark measured the split ~5 ns faster.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static CorsChecks CheckCors(in CorsResponseHeaders headers, in PreflightContext context)
    {
        var checks = CheckAllowOrigin(headers.AllowOrigin, context, out var originEchoed);
        if (context.Credentials && !headers.AllowCredentials.IsSingle("true"))
        {
            checks |= CorsChecks.AllowCredentials;
        }

        if (originEchoed && !VaryCoversOrigin(headers.Vary))
        {
            checks |= CorsChecks.MissingVaryOrigin;
        }

        return checks;
    }

    /// <summary>Chromium <c>HttpResponseHeaders::IsRedirect</c>: 301, 302, 303, 307 or 308 with a non-empty <c>Location</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsRedirect(int status, HeaderLines location) =>
        status is 301 or 302 or 303 or 307 or 308 && HasLocation(location);

    // Out of line: redirects are rare, and the hot Evaluate keeps its inlining budget for the common path.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool HasLocation(HeaderLines location)
    {
        foreach (var line in location)
        {
            if (!HttpWhitespace.Trim(line).IsEmpty)
            {
                return true;
            }
        }

        return false;
    }

    // The handler normally hands back our own Uri instance; compare text only when it did not.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsAnotherUrl(Uri final, Uri sent) => !ReferenceEquals(final, sent) && HasAnotherText(final, sent);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool HasAnotherText(Uri final, Uri sent) =>
        !string.Equals(final.OriginalString, sent.OriginalString, StringComparison.Ordinal)
        && !string.Equals(final.AbsoluteUri, sent.AbsoluteUri, StringComparison.Ordinal);

    // Fetch "CORS check" with Chromium's error choice (cors.cc CheckAccess).
    private static CorsChecks CheckAllowOrigin(HeaderLines allowOrigin, in PreflightContext context, out bool originEchoed)
    {
        originEchoed = false;
        if (!allowOrigin.TryGetSingle(out var value))
        {
            // Several lines join to "a, b": never equal to an origin or "*", and it holds a comma.
            return allowOrigin.IsAbsent ? CorsChecks.AllowOriginMissing : CorsChecks.AllowOriginMultiple;
        }

        if (value is "*")
        {
            return context.Credentials ? CorsChecks.WildcardWithCredentials : CorsChecks.None;
        }

        if (value.SequenceEqual(context.Origin))
        {
            originEchoed = true;
            return CorsChecks.None;
        }

        return HoldsSeveralValues(value) ? CorsChecks.AllowOriginMultiple : CorsChecks.AllowOriginMismatch;
    }

    // Chromium reports "multiple values" when the value holds a space or a comma. An origin is short, so eight
    // characters per compare, inline, beat the call and dispatch of the general IndexOfAny.
    private static bool HoldsSeveralValues(ReadOnlySpan<char> value)
    {
        if (value.Length < Vector128<ushort>.Count || !Vector128.IsHardwareAccelerated)
        {
            return value.IndexOfAny(' ', ',') >= 0;
        }

        ref var chars = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(value));
        var last = (nuint)(value.Length - Vector128<ushort>.Count);
        var found = Vector128<ushort>.Zero;
        for (nuint i = 0; i < last; i += (nuint)Vector128<ushort>.Count)
        {
            found |= IsSpaceOrComma(Vector128.LoadUnsafe(ref chars, i));
        }

        found |= IsSpaceOrComma(Vector128.LoadUnsafe(ref chars, last));
        return found != Vector128<ushort>.Zero;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<ushort> IsSpaceOrComma(Vector128<ushort> chars) =>
        Vector128.Equals(chars, Vector128.Create((ushort)' ')) | Vector128.Equals(chars, Vector128.Create((ushort)','));

    /// <summary>Whether <c>Vary</c> lists <c>Origin</c> (or <c>*</c>).</summary>
    public static bool VaryCoversOrigin(HeaderLines vary)
    {
        var visitor = default(VaryVisitor);
        HeaderList.Scan(vary, ref visitor);
        return visitor.CoversOrigin;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static CorsChecks CheckLists(in CorsResponseHeaders headers, in PreflightContext context) =>
        CheckMethod(headers.AllowMethods, context) | CheckHeaders(headers.AllowHeaders, context);

    // Fetch CORS-preflight fetch step 7.9 / Chromium EnsureAllowedCrossOriginMethod: exact, case-sensitive match.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static CorsChecks CheckMethod(HeaderLines allowMethods, in PreflightContext context)
    {
        var visitor = new AllowMethodsVisitor(context.Method);
        if (!HeaderList.Scan(allowMethods, ref visitor))
        {
            return CorsChecks.InvalidAllowMethods;
        }

        if (visitor.Listed || (!context.Credentials && visitor.Wildcard))
        {
            return CorsChecks.None;
        }

        return HttpMethods.IsSafelisted(context.Method) ? CorsChecks.MethodOnlySafelisted : CorsChecks.MethodNotAllowed;
    }

    // Fetch step 7.10 / Chromium EnsureAllowedCrossOriginHeaders (kCorsNonWildcardRequestHeadersSupport off).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static CorsChecks CheckHeaders(HeaderLines allowHeaders, in PreflightContext context)
    {
        var names = context.UnsafeHeaderNames;
        var visitor = new AllowHeadersVisitor(names);
        if (!HeaderList.Scan(allowHeaders, ref visitor))
        {
            return CorsChecks.InvalidAllowHeaders;
        }

        if (names.Length == 0)
        {
            return CorsChecks.None;
        }

        if (!context.Credentials && visitor.Wildcard)
        {
            // Chromium lets "*" cover Authorization too; the standard does not (cors-rules.md §4.8).
            var coversAuthorizationByLeniency = Array.IndexOf(names, "authorization") >= 0 && !visitor.Lists("authorization");
            return coversAuthorizationByLeniency ? CorsChecks.AuthorizationByWildcard : CorsChecks.None;
        }

        if (names.Length <= AllowHeadersVisitor.MaxTracked)
        {
            return visitor.AllListed ? CorsChecks.None : CorsChecks.HeaderNotAllowed;
        }

        foreach (var name in names)
        {
            if (!HeaderList.Contains(allowHeaders, name, StringComparison.OrdinalIgnoreCase))
            {
                return CorsChecks.HeaderNotAllowed;
            }
        }

        return CorsChecks.None;
    }
}
