using CorsProbing.Conformance.Support;
using CorsProbing.Testing;

namespace CorsProbing.Conformance.RealServers;

/// <summary>
/// Caddy (the Debian package) on loopback over TLS, with the CORS configurations of its <c>header</c> and
/// <c>respond</c> directives people write, one per path. Its own state goes to the temporary directory.
/// </summary>
public static class CaddyServer
{
    /// <summary>The host name the server is reached as.</summary>
    public const string Host = "caddy.example.com";

    /// <summary>The install command named when Caddy is missing.</summary>
    public const string Install = "sudo apt-get install -y caddy";

    private const string Galxe = "https://dashboard.galxe.com";
    /// <summary>The configurations, by path.</summary>
    public static IReadOnlyDictionary<string, string> Setups { get; } = new Dictionary<string, string>
    {
        ["/header-all/"] = "header ... on every response, respond @options 204",
        ["/options-only/"] = "the CORS headers only inside handle @options: the other answers have none",
        ["/proxied/"] = "header ... in front of reverse_proxy to an application that sends Access-Control-Allow-Origin: * (Caddy replaces it)",
        ["/wildcard/"] = "header Access-Control-Allow-Origin/-Methods/-Headers *",
        ["/moved/"] = "header ... then redir /header-all/ 308",
        ["/appended/"] = "header +Access-Control-Allow-Origin in front of reverse_proxy to an application that sends its own: two lines",
    };

    /// <summary>Starts <c>caddy run</c> with a Caddyfile written to a temporary directory.</summary>
    public static Task<ServerProcess> StartAsync(CancellationToken cancellationToken)
    {
        var executable = RequiredTool.Find("Caddy", Install, "/usr/bin/caddy");
        var directory = ChildProcess.NewDirectory("corsprobe-caddy-");
        var (certificate, key) = TestCertificate.WritePem(directory);
        var port = FreePort.Next();
        var appPort = FreePort.Next();
        var caddyfile = Path.Combine(directory, "Caddyfile");
        File.WriteAllText(caddyfile, Configuration(directory, certificate, key, port, appPort));
        var environment = new Dictionary<string, string>
        {
            ["HOME"] = directory,
            ["XDG_CONFIG_HOME"] = Path.Combine(directory, "config"),
            ["XDG_DATA_HOME"] = Path.Combine(directory, "data"),
        };

        return ServerProcess.WhenListeningAsync(ChildProcess.Start(executable, ["run", "--config", caddyfile, "--adapter", "caddyfile"], directory, environment: environment), port, cancellationToken);
    }

    private static string Configuration(string directory, string certificate, string key, int port, int appPort) => $$"""
        {
        	admin off
        	auto_https off
        	storage file_system {{directory}}/data
        }

        https://{{Host}}:{{port}} {
        	bind 127.0.0.1
        	tls {{certificate}} {{key}}
        	@options method OPTIONS
        	handle /header-all/* {
        		header Access-Control-Allow-Origin "{{Galxe}}"
        		header Access-Control-Allow-Methods "GET, POST, PUT, DELETE"
        		header Access-Control-Allow-Headers "Content-Type, X-Api-Key, Authorization"
        		header Vary Origin
        		respond @options 204
        		respond "ok"
        	}
        	handle /options-only/* {
        		handle @options {
        			header Access-Control-Allow-Origin "{{Galxe}}"
        			header Access-Control-Allow-Methods "GET, POST, PUT, DELETE"
        			header Access-Control-Allow-Headers "Content-Type, X-Api-Key, Authorization"
        			respond 204
        		}
        		respond "ok"
        	}
        	handle /proxied/* {
        		header Access-Control-Allow-Origin "{{Galxe}}"
        		header Access-Control-Allow-Methods "GET, POST, PUT, DELETE"
        		header Access-Control-Allow-Headers "Content-Type, X-Api-Key, Authorization"
        		reverse_proxy 127.0.0.1:{{appPort}}
        	}
        	handle /moved/* {
        		header Access-Control-Allow-Origin "{{Galxe}}"
        		header Access-Control-Allow-Methods "GET, POST, PUT, DELETE"
        		header Access-Control-Allow-Headers "Content-Type, X-Api-Key, Authorization"
        		respond @options 204
        		redir /header-all/ 308
        	}
        	handle /appended/* {
        		header +Access-Control-Allow-Origin "{{Galxe}}"
        		header Access-Control-Allow-Methods "GET, POST, PUT, DELETE"
        		header Access-Control-Allow-Headers "Content-Type, X-Api-Key, Authorization"
        		reverse_proxy 127.0.0.1:{{appPort}}
        	}
        	handle /wildcard/* {
        		header Access-Control-Allow-Origin *
        		header Access-Control-Allow-Methods *
        		header Access-Control-Allow-Headers *
        		respond @options 204
        		respond "ok"
        	}
        }

        # The application behind the proxy: it allows every origin itself.
        http://127.0.0.1:{{appPort}} {
        	bind 127.0.0.1
        	header Access-Control-Allow-Origin *
        	respond "ok"
        }
        """;
}
