using CorsProbing.Conformance.Support;
using CorsProbing.Testing;

namespace CorsProbing.Conformance.RealServers;

/// <summary>
/// Apache httpd (the Debian package) on loopback over TLS: mod_headers with and without <c>always</c>, the mod_rewrite
/// answer to OPTIONS people copy, an allow-list with SetEnvIf, and a proxy in front of an application that adds its
/// own header. A CGI script stands for the application: it answers every method with 200.
/// </summary>
public static class ApacheServer
{
    /// <summary>The host name the server is reached as.</summary>
    public const string Host = "apache.example.com";

    /// <summary>The install command named when Apache is missing.</summary>
    public const string Install = "sudo apt-get install -y apache2";

    private const string Galxe = "https://dashboard.galxe.com";
    private const string Modules = "/usr/lib/apache2/modules";
    /// <summary>The configurations, by path.</summary>
    public static IReadOnlyDictionary<string, string> Setups { get; } = new Dictionary<string, string>
    {
        ["/always/"] = "Header always set ..., and RewriteRule for OPTIONS [R=200]",
        ["/no-always/"] = "Header set ... without always, and RewriteRule for OPTIONS [R=200]: the rewritten OPTIONS answer has no CORS headers",
        ["/setenvif/"] = "SetEnvIf Origin allow-list, Header always set ... env=, credentials, Vary: Origin",
        ["/proxied/"] = "Header always set ... in front of an application that sends Access-Control-Allow-Origin: * itself: two lines",
        ["/moved/"] = "Header always set ..., RewriteRule for OPTIONS [R=200], and Redirect 301 to /always/",
    };

    /// <summary>Starts <c>apache2 -DFOREGROUND</c> with a configuration written to a temporary directory.</summary>
    public static Task<ServerProcess> StartAsync(CancellationToken cancellationToken)
    {
        var executable = RequiredTool.Find("Apache httpd", Install, "/usr/sbin/apache2");
        var directory = ChildProcess.NewDirectory("corsprobe-apache-");
        var (certificate, key) = TestCertificate.WritePem(directory);
        var script = Path.Combine(directory, "app.cgi");
        File.WriteAllText(script, "#!/bin/sh\nprintf 'Content-Type: text/plain\\r\\n\\r\\nok'\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }
        var port = FreePort.Next();
        var appPort = FreePort.Next();
        var configuration = Path.Combine(directory, "httpd.conf");
        File.WriteAllText(configuration, Configuration(directory, certificate, key, script, port, appPort));

        return ServerProcess.WhenListeningAsync(ChildProcess.Start(executable, ["-d", directory, "-f", configuration, "-k", "start", "-DFOREGROUND"], directory), port, cancellationToken);
    }

    private static string Configuration(string directory, string certificate, string key, string script, int port, int appPort) => $$"""
        ServerRoot {{directory}}
        ServerName {{Host}}
        Listen 127.0.0.1:{{port}}
        Listen 127.0.0.1:{{appPort}}
        PidFile {{directory}}/httpd.pid
        ErrorLog {{directory}}/error.log
        LoadModule mpm_prefork_module {{Modules}}/mod_mpm_prefork.so
        LoadModule authz_core_module {{Modules}}/mod_authz_core.so
        LoadModule ssl_module {{Modules}}/mod_ssl.so
        LoadModule socache_shmcb_module {{Modules}}/mod_socache_shmcb.so
        LoadModule headers_module {{Modules}}/mod_headers.so
        LoadModule rewrite_module {{Modules}}/mod_rewrite.so
        LoadModule cgi_module {{Modules}}/mod_cgi.so
        LoadModule alias_module {{Modules}}/mod_alias.so
        LoadModule setenvif_module {{Modules}}/mod_setenvif.so
        LoadModule proxy_module {{Modules}}/mod_proxy.so
        LoadModule proxy_http_module {{Modules}}/mod_proxy_http.so
        StartServers 2
        <Directory {{directory}}>
          Require all granted
        </Directory>

        # The application behind the proxy: it allows every origin itself.
        <VirtualHost 127.0.0.1:{{appPort}}>
          ScriptAliasMatch "^/" "{{script}}"
          Header always set Access-Control-Allow-Origin "*"
        </VirtualHost>

        <VirtualHost 127.0.0.1:{{port}}>
          SSLEngine on
          SSLCertificateFile {{certificate}}
          SSLCertificateKeyFile {{key}}
          RewriteEngine On
          RewriteCond %{REQUEST_METHOD} OPTIONS
          RewriteRule "^/(always|no-always|moved)/" - [R=200,L]
          Redirect 301 /moved/ /always/
          ScriptAliasMatch "^/(always|no-always|setenvif)/" "{{script}}"

          <Location /always/>
            Header always set Access-Control-Allow-Origin "{{Galxe}}"
            Header always set Access-Control-Allow-Methods "GET, POST, PUT, DELETE"
            Header always set Access-Control-Allow-Headers "Content-Type, X-Api-Key, Authorization"
          </Location>
          <Location /moved/>
            Header always set Access-Control-Allow-Origin "{{Galxe}}"
            Header always set Access-Control-Allow-Methods "GET, POST, PUT, DELETE"
            Header always set Access-Control-Allow-Headers "Content-Type, X-Api-Key, Authorization"
          </Location>
          <Location /no-always/>
            Header set Access-Control-Allow-Origin "{{Galxe}}"
            Header set Access-Control-Allow-Methods "GET, POST, PUT, DELETE"
            Header set Access-Control-Allow-Headers "Content-Type, X-Api-Key, Authorization"
          </Location>
          <Location /setenvif/>
            SetEnvIf Origin "^https://dashboard\.galxe\.com$" CORS_ORIGIN=$0
            Header always set Access-Control-Allow-Origin "%{CORS_ORIGIN}e" env=CORS_ORIGIN
            Header always set Access-Control-Allow-Credentials "true" env=CORS_ORIGIN
            Header always set Access-Control-Allow-Methods "GET, POST, PUT, DELETE" env=CORS_ORIGIN
            Header always set Access-Control-Allow-Headers "Content-Type, X-Api-Key, Authorization" env=CORS_ORIGIN
            Header always merge Vary Origin
          </Location>
          <Location /proxied/>
            Header always set Access-Control-Allow-Origin "{{Galxe}}"
            Header always set Access-Control-Allow-Methods "GET, POST, PUT, DELETE"
            Header always set Access-Control-Allow-Headers "Content-Type, X-Api-Key, Authorization"
            ProxyPass "http://127.0.0.1:{{appPort}}/"
          </Location>
        </VirtualHost>
        """;
}
