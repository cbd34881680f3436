using CorsProbing.Conformance.Support;
using CorsProbing.Testing;

namespace CorsProbing.Conformance.RealServers;

/// <summary>
/// nginx (the Debian package) on loopback over TLS, with the CORS configurations people really deploy, mistakes
/// included, one per location. An upstream "app" server block stands for the application behind the proxy.
/// </summary>
public static class NginxServer
{
    /// <summary>The host name the server is reached as.</summary>
    public const string Host = "nginx.example.com";

    /// <summary>Another origin on the same server, where cross-origin redirects lead.</summary>
    public const string OtherHost = "cdn.example.com";

    /// <summary>The install command named when nginx is missing.</summary>
    public const string Install = "sudo apt-get install -y nginx";

    private const string Galxe = "https://dashboard.galxe.com";
    /// <summary>The configurations, by path.</summary>
    public static IReadOnlyDictionary<string, string> Setups { get; } = new Dictionary<string, string>
    {
        ["/no-always/"] = "add_header without `always` on static files: OPTIONS gets nginx's 405 with no CORS headers",
        ["/options-405/"] = "add_header ... always, OPTIONS not handled: 405 with CORS headers",
        ["/if-options-204/"] = "if ($request_method = OPTIONS) { add_header ...; return 204; }",
        ["/echo-origin/"] = "$http_origin echoed with credentials, no Vary",
        ["/duplicated/"] = "the app sets Access-Control-Allow-Origin: * and the proxy adds the exact origin: two lines",
        ["/redirect-same/"] = "CORS headers always, then return 301 to /if-options-204/ on the same origin",
        ["/redirect-bare/"] = "return 302 to /if-options-204/ without CORS headers",
        ["/redirect-cross/"] = "CORS headers always, then return 307 to another origin that answers Access-Control-Allow-Origin: *",
        ["/redirect-cross-echo/"] = "CORS headers always, then return 308 to another origin that echoes the Origin (null after the hop) with credentials",
        ["/redirect-see-other/"] = "CORS headers always, then return 303 to /if-options-204/: every method becomes a GET",
        ["/redirect-loop/"] = "CORS headers always, then return 302 to itself: more than 20 redirects",
        ["/redirect-credentials/"] = "CORS headers always, then return 302 to a URL with a user name and password",
        ["/redirect-ftp/"] = "CORS headers always, then return 302 to an ftp: URL",
    };

    /// <summary>Starts nginx with a configuration written to a temporary directory.</summary>
    public static Task<ServerProcess> StartAsync(CancellationToken cancellationToken)
    {
        var executable = RequiredTool.Find("nginx", Install, "/usr/sbin/nginx", "/usr/bin/nginx");
        var directory = ChildProcess.NewDirectory("corsprobe-nginx-");
        Directory.CreateDirectory(Path.Combine(directory, "www", "no-always"));
        Directory.CreateDirectory(Path.Combine(directory, "www", "options-405"));
        File.WriteAllText(Path.Combine(directory, "www", "no-always", "index.html"), "ok");
        File.WriteAllText(Path.Combine(directory, "www", "options-405", "index.html"), "ok");
        var (certificate, key) = TestCertificate.WritePem(directory);
        var port = FreePort.Next();
        var appPort = FreePort.Next();
        File.WriteAllText(Path.Combine(directory, "cors-always.conf"), CorsAlways);
        File.WriteAllText(Path.Combine(directory, "nginx.conf"), Configuration(directory, certificate, key, port, appPort));

        return ServerProcess.WhenListeningAsync(ChildProcess.Start(executable, ["-p", directory, "-c", Path.Combine(directory, "nginx.conf")], directory), port, cancellationToken);
    }

    // The dashboard's grant on every answer, errors included, and OPTIONS answered: included by the redirecting locations.
    private const string CorsAlways = $$"""
        add_header Access-Control-Allow-Origin "{{Galxe}}" always;
        add_header Access-Control-Allow-Credentials true always;
        add_header Access-Control-Allow-Methods "GET, POST, PUT, DELETE" always;
        add_header Access-Control-Allow-Headers "Content-Type, X-Api-Key, Authorization" always;
        if ($request_method = OPTIONS) { return 204; }

        """;

    private static string Configuration(string directory, string certificate, string key, int port, int appPort) => $$"""
        daemon off;
        master_process off;
        worker_processes 1;
        pid {{directory}}/nginx.pid;
        error_log {{directory}}/error.log;
        events { worker_connections 64; }
        http {
          access_log off;
          client_body_temp_path {{directory}}/client_body;
          proxy_temp_path {{directory}}/proxy;
          fastcgi_temp_path {{directory}}/fastcgi;
          uwsgi_temp_path {{directory}}/uwsgi;
          scgi_temp_path {{directory}}/scgi;
          default_type text/plain;

          # The application behind the proxy: it allows every origin itself.
          server {
            listen 127.0.0.1:{{appPort}};
            location / {
              add_header Access-Control-Allow-Origin "*" always;
              add_header Access-Control-Allow-Methods "GET, POST, PUT" always;
              add_header Access-Control-Allow-Headers "Content-Type, X-Api-Key" always;
              if ($request_method = OPTIONS) { return 204; }
              return 200 "ok";
            }
          }

          # Another origin, where the cross-origin redirects lead.
          server {
            listen 127.0.0.1:{{port}} ssl;
            server_name {{OtherHost}};
            ssl_certificate {{certificate}};
            ssl_certificate_key {{key}};

            location /open/ {
              add_header Access-Control-Allow-Origin "*" always;
              add_header Access-Control-Allow-Methods "GET, POST, PUT, DELETE" always;
              add_header Access-Control-Allow-Headers "Content-Type, X-Api-Key, Authorization" always;
              if ($request_method = OPTIONS) { return 204; }
              return 200 "ok";
            }

            location /echo/ {
              add_header Access-Control-Allow-Origin $http_origin always;
              add_header Access-Control-Allow-Credentials true always;
              add_header Access-Control-Allow-Methods "GET, POST, PUT, DELETE" always;
              add_header Access-Control-Allow-Headers "Content-Type, X-Api-Key, Authorization" always;
              add_header Vary Origin always;
              if ($request_method = OPTIONS) { return 204; }
              return 200 "ok";
            }
          }

          server {
            listen 127.0.0.1:{{port}} ssl;
            server_name {{Host}};
            ssl_certificate {{certificate}};
            ssl_certificate_key {{key}};
            root {{directory}}/www;

            location /no-always/ {
              add_header Access-Control-Allow-Origin "{{Galxe}}";
              add_header Access-Control-Allow-Methods "GET, POST, PUT";
              add_header Access-Control-Allow-Headers "Content-Type, X-Api-Key";
              try_files /no-always/index.html =404;
            }

            location /options-405/ {
              add_header Access-Control-Allow-Origin "{{Galxe}}" always;
              add_header Access-Control-Allow-Methods "GET, POST, PUT" always;
              add_header Access-Control-Allow-Headers "Content-Type, X-Api-Key" always;
              try_files /options-405/index.html =404;
            }

            location /if-options-204/ {
              if ($request_method = OPTIONS) {
                add_header Access-Control-Allow-Origin "{{Galxe}}";
                add_header Access-Control-Allow-Methods "GET, POST, PUT, OPTIONS";
                add_header Access-Control-Allow-Headers "Content-Type, X-Api-Key";
                add_header Access-Control-Max-Age 86400;
                return 204;
              }
              add_header Access-Control-Allow-Origin "{{Galxe}}" always;
              return 200 "ok";
            }

            location /echo-origin/ {
              if ($request_method = OPTIONS) {
                add_header Access-Control-Allow-Origin $http_origin;
                add_header Access-Control-Allow-Credentials true;
                add_header Access-Control-Allow-Methods "GET, POST, PUT";
                add_header Access-Control-Allow-Headers "Content-Type, X-Api-Key";
                return 204;
              }
              add_header Access-Control-Allow-Origin $http_origin always;
              add_header Access-Control-Allow-Credentials true always;
              return 200 "ok";
            }

            location /redirect-same/ {
              include {{directory}}/cors-always.conf;
              return 301 /if-options-204/;
            }

            location /redirect-see-other/ {
              include {{directory}}/cors-always.conf;
              return 303 /if-options-204/;
            }

            location /redirect-loop/ {
              include {{directory}}/cors-always.conf;
              return 302 /redirect-loop/;
            }

            location /redirect-credentials/ {
              include {{directory}}/cors-always.conf;
              return 302 "https://user:secret@{{Host}}/if-options-204/";
            }

            location /redirect-ftp/ {
              include {{directory}}/cors-always.conf;
              return 302 "ftp://files.example.com/quests";
            }

            location /redirect-bare/ {
              return 302 /if-options-204/;
            }

            location /redirect-cross/ {
              include {{directory}}/cors-always.conf;
              return 307 https://{{OtherHost}}/open/;
            }

            location /redirect-cross-echo/ {
              include {{directory}}/cors-always.conf;
              return 308 https://{{OtherHost}}/echo/;
            }

            location /duplicated/ {
              add_header Access-Control-Allow-Origin "{{Galxe}}" always;
              proxy_pass http://127.0.0.1:{{appPort}};
            }
          }
        }
        """;
}
