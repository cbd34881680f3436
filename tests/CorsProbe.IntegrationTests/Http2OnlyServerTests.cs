using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography;
using CorsProbing.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CorsProbing.IntegrationTests;

/// <summary>
/// CorsProbe's transport speaks HTTP/1.1 only (a CORS decision reads the status and header fields, which HTTP/2 carries
/// unchanged); a server that speaks only HTTP/2 gets a clear CORS001 that says so: one that answers in HTTP/2 frames on
/// cleartext, and a Kestrel whose TLS endpoint refuses HTTP/1.1 in the handshake (browsers would negotiate HTTP/2 there;
/// CorsProbe cannot, and says so rather than guess).
/// </summary>
public class Http2OnlyServerTests
{
    [Fact]
    public async Task ACleartextServerThatAnswersWithHttp2Frames_IsUnreachable_WithAMessageThatSaysSo()
    {
        // What an h2c-only listener sends an HTTP/1.1 request: its SETTINGS frame, then a GOAWAY (PROTOCOL_ERROR).
        byte[] frames = [0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 8, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1];
        await using var server = new ScriptedServer((_, _) => Task.FromResult<byte[]?>(frames));

        var report = await CorsProbe.For(server.Url).WithOrigin("https://dashboard.galxe.com").AllowLoopback().ProbeAsync(TestContext.Current.CancellationToken);

        report.Verdict.Should().Be(CorsVerdict.Unreachable);
        report.Findings[0].Code.Should().Be("CORS001");
        report.Findings[0].Message.Should().Contain("speaks only HTTP/2").And.Contain("CorsProbe speaks HTTP/1.1");
    }

    [Fact]
    public async Task ATlsServerThatSpeaksOnlyHttp2_IsUnreachable_WithAMessageThatNamesHttp2()
    {
        using var certificate = SelfSigned();
        await using var server = await StartAsync(certificate);

        var report = await CorsProbe.For(server.Url).WithOrigin("https://dashboard.galxe.com").AllowLoopback().TrustCertificate(certificate)
            .ProbeAsync(TestContext.Current.CancellationToken);

        report.Verdict.Should().Be(CorsVerdict.Unreachable);
        report.Findings[0].Code.Should().Be("CORS001");
        report.Findings[0].Message.Should().Contain("the server refused HTTP/1.1 (ALPN), so it speaks only HTTP/2, and CorsProbe speaks HTTP/1.1");
    }

    private static async Task<Http2Server> StartAsync(X509Certificate2? certificate)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            listen.Protocols = HttpProtocols.Http2;
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        }));
        var app = builder.Build();
        app.MapMethods("/{**path}", ["GET", "OPTIONS"], () => Microsoft.AspNetCore.Http.Results.Ok());
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new Http2Server(app, address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/api");
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), password: null);
    }

    private sealed record Http2Server(WebApplication App, string Url) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }
}
