using System.Runtime.CompilerServices;
using System.Text;

namespace CorsProbing.Evaluation;

/// <summary>
/// The headers a preflight evaluation reads, collected in one pass over the response's raw headers instead of one
/// look-up per name. Allocation-free.
/// </summary>
internal struct CorsResponseHeaders
{
    public HeaderLines AllowOrigin;
    public HeaderLines AllowCredentials;
    public HeaderLines AllowMethods;
    public HeaderLines AllowHeaders;
    public HeaderLines MaxAge;
    public HeaderLines Vary;
    public HeaderLines Location;

    /// <summary>Collects the CORS-relevant headers of <paramref name="response"/>.</summary>
    public static CorsResponseHeaders Read(HttpResponseMessage response)
    {
        var headers = default(CorsResponseHeaders);
        foreach (var header in response.Headers.NonValidated)
        {
            var name = header.Key;
            var lines = new HeaderLines(header.Value);

            // Dispatch on the length first: most headers (Date, Server, Content-*) are rejected by it alone.
            switch (name.Length)
            {
                case 4 when Is(name, Http.CorsHeaderNames.Vary):
                    headers.Vary = lines;
                    break;
                case 8 when Is(name, Http.CorsHeaderNames.Location):
                    headers.Location = lines;
                    break;
                case 22 when Is(name, Http.CorsHeaderNames.MaxAge):
                    headers.MaxAge = lines;
                    break;
                case 27 when Is(name, Http.CorsHeaderNames.AllowOrigin):
                    headers.AllowOrigin = lines;
                    break;
                // Access-Control-Allow-Methods and -Headers share a length: the letter after "Allow-" tells them apart.
                case 28 when (name[21] | 0x20) == 'm' && Is(name, Http.CorsHeaderNames.AllowMethods):
                    headers.AllowMethods = lines;
                    break;
                case 28 when (name[21] | 0x20) == 'h' && Is(name, Http.CorsHeaderNames.AllowHeaders):
                    headers.AllowHeaders = lines;
                    break;
                case 32 when Is(name, Http.CorsHeaderNames.AllowCredentials):
                    headers.AllowCredentials = lines;
                    break;
            }
        }

        return headers;
    }

    // .NET names known headers with one shared string, so the reference check nearly always decides.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Is(string name, string expected) =>
        ReferenceEquals(name, expected) || Ascii.EqualsIgnoreCase(name, expected);
}
