using CorsProbing.Http;

namespace CorsProbing.Reporting;

/// <summary>Reads which <see cref="ServerSoftware"/> answered from the response's own header lines.</summary>
internal static class ServerIdentity
{
    /// <summary>The software <paramref name="response"/> names, or <see cref="ServerSoftware.Unknown"/>.</summary>
    public static ServerSoftware Of(ResponseSnapshot response)
    {
        foreach (var (name, value) in response.Lines)
        {
            if (name.Equals("Server", StringComparison.OrdinalIgnoreCase))
            {
                return value.StartsWith("Kestrel", StringComparison.OrdinalIgnoreCase) ? ServerSoftware.AspNetCore
                    : value.StartsWith("nginx", StringComparison.OrdinalIgnoreCase) || value.StartsWith("openresty", StringComparison.OrdinalIgnoreCase) ? ServerSoftware.Nginx
                    : value.StartsWith("Apache", StringComparison.OrdinalIgnoreCase) ? ServerSoftware.Apache
                    : value.StartsWith("Caddy", StringComparison.OrdinalIgnoreCase) ? ServerSoftware.Caddy
                    : ServerSoftware.Unknown;
            }

            if (name.Equals("X-Powered-By", StringComparison.OrdinalIgnoreCase) && value.StartsWith("Express", StringComparison.OrdinalIgnoreCase))
            {
                return ServerSoftware.Express;
            }
        }

        return ServerSoftware.Unknown;
    }

    /// <summary>How to make <paramref name="server"/> answer a preflight at a URL where no route answers OPTIONS; empty when it is not known.</summary>
    public static string AnswerOptions(ServerSoftware server) => server switch
    {
        ServerSoftware.AspNetCore => " In ASP.NET Core, map the endpoint at this path and call app.UseCors() before UseAuthentication() and UseAuthorization(): the CORS middleware answers the preflight of a mapped route.",
        ServerSoftware.Nginx => " In nginx, answer it in this location: `if ($request_method = OPTIONS) { return 204; }`, with the CORS headers added by `add_header ... always`.",
        ServerSoftware.Apache => " In Apache, answer it with mod_rewrite (`RewriteCond %{REQUEST_METHOD} OPTIONS` and `RewriteRule ^ - [R=204,L]`) and set the CORS headers with `Header always set`.",
        ServerSoftware.Caddy => " In Caddy, match it with `@preflight method OPTIONS` and `respond @preflight 204`, with the CORS headers set by a `header` directive.",
        ServerSoftware.Express => " In Express, the cors package answers it: `app.options('*', cors(options))` before the routes.",
        _ => string.Empty,
    };

    /// <summary>How to make <paramref name="server"/> add the CORS headers to error responses too; empty when it is not known.</summary>
    public static string HeadersOnErrors(ServerSoftware server) => server switch
    {
        ServerSoftware.Nginx => " In nginx, `add_header` skips error responses unless it ends with `always`.",
        ServerSoftware.Apache => " In Apache, `Header set` skips error responses: use `Header always set`.",
        ServerSoftware.AspNetCore => " In ASP.NET Core, call app.UseCors() before the middleware that can fail the request (authentication, exception handling), so its responses carry the headers.",
        _ => string.Empty,
    };
}
