using CorsProbing.Conformance.Support;
using CorsProbing.Testing;

namespace CorsProbing.Conformance.RealServers;

/// <summary>Flask with Flask-CORS (Debian's <c>python3-flask</c> and <c>python3-flask-cors</c>) over TLS on loopback.</summary>
public static class FlaskServer
{
    /// <summary>The host name the server is reached as.</summary>
    public const string Host = "flask.example.com";

    /// <summary>The install command named when Flask is missing.</summary>
    public const string Install = "sudo apt-get install -y python3-flask python3-flask-cors";

    /// <summary>The configurations, by path.</summary>
    public static IReadOnlyDictionary<string, string> Setups { get; } = new Dictionary<string, string>
    {
        ["/ext/default/"] = "CORS(app, resources={'/ext/*': {'origins': '*'}}): every response, errors included",
        ["/allow-list/"] = "@cross_origin(origins=[dashboard, partner], methods=['GET', 'POST'])",
        ["/credentials/"] = "@cross_origin(origins=[dashboard], supports_credentials=True)",
        ["/reflect-credentials/"] = "@cross_origin(supports_credentials=True): any origin echoed, with credentials; headers echoed for the methods it knows",
        ["/write-only/"] = "@cross_origin(origins=[dashboard]) on a POST/PUT view: a GET is Flask's 405",
        ["/ext/moved/"] = "CORS(app, resources=...) and redirect('/ext/default/', 302)",
        ["/appended/"] = "@cross_origin(origins=[dashboard]) and a view that adds Access-Control-Allow-Origin again: two lines",
        ["/errors/"] = "@cross_origin(origins=[dashboard]) on a view that aborts with 500: the error page has no CORS headers",
    };

    /// <summary>Starts <c>python3 server.py</c> (Debian's Python, where the packages are).</summary>
    public static Task<ServerProcess> StartAsync(CancellationToken cancellationToken)
    {
        var python = RequiredTool.Find("Python 3", Install, "/usr/bin/python3");
        RequiredTool.Find("Flask-CORS", Install, "/usr/lib/python3/dist-packages/flask_cors/__init__.py");
        var folder = Path.Combine(Repository.Root, "tests", "CorsProbe.Conformance", "RealServers", "flask");
        var directory = ChildProcess.NewDirectory("corsprobe-flask-");
        var (certificate, key) = TestCertificate.WritePem(directory);
        var port = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var process = ChildProcess.Start(python, [Path.Combine(folder, "server.py"), certificate, key, port], directory, workingDirectory: folder, readOutput: true);
        return ServerProcess.AttachAsync(process, "python3 server.py", cancellationToken);
    }
}
