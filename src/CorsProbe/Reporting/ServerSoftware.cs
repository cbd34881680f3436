namespace CorsProbing.Reporting;

/// <summary>
/// The software that answered, as the response names it itself (<c>Server</c>, <c>X-Powered-By</c>): a remedy names a
/// server's configuration only when the response says which server it is.
/// </summary>
internal enum ServerSoftware
{
    /// <summary>The response does not say.</summary>
    Unknown,

    /// <summary>ASP.NET Core on Kestrel (<c>Server: Kestrel</c>).</summary>
    AspNetCore,

    /// <summary>nginx (<c>Server: nginx</c>, OpenResty).</summary>
    Nginx,

    /// <summary>Apache httpd (<c>Server: Apache</c>).</summary>
    Apache,

    /// <summary>Caddy (<c>Server: Caddy</c>).</summary>
    Caddy,

    /// <summary>Express on Node.js (<c>X-Powered-By: Express</c>).</summary>
    Express,
}
