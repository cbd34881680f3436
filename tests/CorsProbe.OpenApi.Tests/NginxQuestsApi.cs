using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CorsProbing.Testing;

namespace CorsProbing.OpenApi.Tests;

/// <summary>
/// The Quests API's CORS policy written as nginx configuration (the Debian package, on loopback): the dashboard's origin,
/// GET, POST and PUT, Content-Type and X-Api-Key, no credentials; OPTIONS answered 204 in an <c>if</c> block, the way
/// nginx guides write it. Every operation of the Quests documents gets the same verdict here as on <see cref="QuestsApi"/>.
/// </summary>
public sealed class NginxQuestsApi : IAsyncLifetime
{
    private Process? _nginx;
    private string? _directory;

    public string BaseUrl { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var nginx = RequiredTool.Find("nginx", "sudo apt-get install -y nginx", "/usr/sbin/nginx", "/usr/bin/nginx");
        _directory = Directory.CreateTempSubdirectory("corsprobe-openapi-nginx-").FullName;
        var port = FreePort();
        var configuration = Path.Combine(_directory, "nginx.conf");
        await File.WriteAllTextAsync(configuration, $$"""
            daemon off;
            master_process off;
            worker_processes 1;
            pid {{_directory}}/nginx.pid;
            error_log {{_directory}}/error.log;
            events { worker_connections 64; }
            http {
              access_log off;
              client_body_temp_path {{_directory}}/client_body;
              proxy_temp_path {{_directory}}/proxy;
              fastcgi_temp_path {{_directory}}/fastcgi;
              uwsgi_temp_path {{_directory}}/uwsgi;
              scgi_temp_path {{_directory}}/scgi;
              default_type text/plain;
              server {
                listen 127.0.0.1:{{port}};
                location / {
                  if ($request_method = OPTIONS) {
                    add_header Access-Control-Allow-Origin "{{QuestsApi.Origin}}";
                    add_header Access-Control-Allow-Methods "GET, POST, PUT";
                    add_header Access-Control-Allow-Headers "Content-Type, X-Api-Key";
                    add_header Vary Origin;
                    return 204;
                  }
                  add_header Access-Control-Allow-Origin "{{QuestsApi.Origin}}" always;
                  add_header Vary Origin always;
                  return 200 "ok";
                }
              }
            }
            """, TestContext.Current.CancellationToken);
        _nginx = Process.Start(new ProcessStartInfo(nginx, ["-p", _directory, "-c", configuration]) { RedirectStandardError = true })!;
        BaseUrl = $"http://127.0.0.1:{port}";
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, TestContext.Current.CancellationToken);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_nginx.HasExited)
            {
                await Task.Delay(50, TestContext.Current.CancellationToken);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_nginx is { HasExited: false })
        {
            _nginx.Kill();
            await _nginx.WaitForExitAsync();
        }

        _nginx?.Dispose();
        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
