using CorsProbing.Evaluation;
using CorsProbing.Requirements;

namespace CorsProbing.Http;

/// <summary>
/// The request a browser sends without a preflight, for GET and HEAD: CorsProbe sends it too, because a browser applies
/// the CORS check to <em>its</em> response, which may differ from the answer to <c>OPTIONS</c> (nginx's
/// <c>add_header</c> without <c>always</c> is the classic case). Only safe methods are sent; the body is never read.
/// </summary>
internal sealed class ActualRequest : IDisposable
{
    private ActualRequest(HttpResponseMessage response, IReadOnlyList<KeyValuePair<string, string>> requestHeaders, TimeSpan elapsed)
    {
        Response = response;
        RequestHeaders = requestHeaders;
        Elapsed = elapsed;
    }

    /// <summary>The response, headers only.</summary>
    public HttpResponseMessage Response { get; }

    /// <summary>The header lines sent.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> RequestHeaders { get; }

    /// <summary>Time to the response headers.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Whether CorsProbe sends the actual request for <paramref name="context"/>: a browser sends no preflight and the method is safe.</summary>
    public static bool Applies(in PreflightContext context) =>
        !context.BrowserSendsPreflight && context.Method is "GET" or "HEAD";

    /// <summary>
    /// Sends the actual request; null when it got no response (the OPTIONS answer then stands in for it). The caller's
    /// own cancellation propagates.
    /// </summary>
    public static async Task<ActualRequest?> TrySendAsync(
        HttpClient client, PreflightContext context, IReadOnlyList<AuthorHeader> headers, TimeProvider time, CancellationToken probeToken, CancellationToken callerToken)
    {
        var requestHeaders = HeadersFor(context, headers);
        using var request = PreflightRequestFactory.Create(context.Method == "HEAD" ? HttpMethod.Head : HttpMethod.Get, context.RequestUri, requestHeaders);

        var sent = time.GetTimestamp();
        try
        {
            var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, probeToken).ConfigureAwait(false);
            return new ActualRequest(response, requestHeaders, time.GetElapsedTime(sent));
        }
        catch (OperationCanceledException) when (callerToken.IsCancellationRequested)
        {
            callerToken.ThrowIfCancellationRequested();
            throw;
        }
#pragma warning disable CA1031 // A failed actual request leaves the OPTIONS answer as the stand-in; it is not the probe's failure.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    /// <inheritdoc />
    public void Dispose() => Response.Dispose();

    // Accept, Origin, User-Agent, then the page's own (safelisted) headers; never cookies or credentials.
    private static KeyValuePair<string, string>[] HeadersFor(in PreflightContext context, IReadOnlyList<AuthorHeader> headers)
    {
        var lines = new List<KeyValuePair<string, string>>(3 + headers.Count)
        {
            new(CorsHeaderNames.Accept, "*/*"),
            new(CorsHeaderNames.Origin, context.Origin),
            new(CorsHeaderNames.UserAgent, ProductInfo.UserAgent),
        };
        foreach (var header in headers)
        {
            // A GET carries no content, so Content-Type has nowhere to go; the others are plain request headers.
            if (header.Value is not null && !header.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                lines.Add(new(header.Name, header.Value));
            }
        }

        return [.. lines];
    }
}
