using System.Text.Json;

namespace CorsProbing.Dashboard.Tests.Support;

/// <summary>
/// The bad input a public form receives, each with the field it concerns and a part of the message the user must see:
/// the same cases go through the API and through the page.
/// </summary>
public static class BadRequests
{
    private const string Galxe = "https://dashboard.galxe.com";

    /// <summary>Name, field, expected words.</summary>
    public static TheoryData<string, string, string> Cases => new()
    {
        { "relative URL", "url", "absolute" },
        { "file: URL", "url", "http" },
        { "loopback target", "url", "loopback address, which the network policy refuses" },
        { "origin with a path", "origin", "is not a serialized origin: it has a path" },
        { "forbidden header", "headers", "'Cookie' is a forbidden request-header" },
        { "10 kB of junk", "body", "The body is not a request of this endpoint" },
        { "10 kB of junk as the URL", "url", "absolute" },
    };

    /// <summary>The cases a person can type into the form (all but a body that is not JSON): name, expected words.</summary>
    public static TheoryData<string, string> FormCases
    {
        get
        {
            var cases = new TheoryData<string, string>();
            foreach (var row in Cases)
            {
                var (name, _, expected) = row.Data;
                if (name != "10 kB of junk")
                {
                    cases.Add(name, expected);
                }
            }

            return cases;
        }
    }

    /// <summary>What the form's URL, origin and headers fields hold in case <paramref name="name"/>.</summary>
    public static (string Url, string Origin, string Headers) Form(string name) => name switch
    {
        "relative URL" => ("/quests", Galxe, "Content-Type"),
        "file: URL" => ("file:///etc/passwd", Galxe, "Content-Type"),
        "loopback target" => ("http://127.0.0.1:9/quests", Galxe, "Content-Type"),
        "origin with a path" => (CorsProbing.Demo.DemoApi.Origin + "/open", Galxe + "/app", "Content-Type"),
        "forbidden header" => (CorsProbing.Demo.DemoApi.Origin + "/open", Galxe, "Content-Type\nCookie: session=1"),
        "10 kB of junk as the URL" => (Junk(), Galxe, "Content-Type"),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such case"),
    };

    /// <summary>The JSON body of case <paramref name="name"/>.</summary>
    public static string Body(string name, string demoOrigin) => name switch
    {
        "relative URL" => Check("/quests"),
        "file: URL" => Check("file:///etc/passwd"),
        "loopback target" => Check("http://127.0.0.1:9/quests"),
        "origin with a path" => Check(demoOrigin + "/open", origin: "https://dashboard.galxe.com/app"),
        "forbidden header" => Check(demoOrigin + "/open", headers: ["Content-Type", "Cookie: session=1"]),
        "10 kB of junk" => Junk(),
        "10 kB of junk as the URL" => Check(Junk()),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such case"),
    };

    /// <summary>10,240 characters of printable junk, the same every run.</summary>
    public static string Junk()
    {
        var random = new Random(18);
        return new string(Enumerable.Range(0, 10 * 1024).Select(_ => (char)random.Next('!', '~' + 1)).ToArray());
    }

    private static string Check(string url, string origin = "https://dashboard.galxe.com", string[]? headers = null) =>
        JsonSerializer.Serialize(new { url, origin, methods = new[] { "GET", "POST" }, headers = headers ?? ["Content-Type"] });
}
