using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using CorsProbing.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CorsProbing.Dashboard.Tests.Support;

/// <summary>
/// A customer's webhook receiver on loopback, as a careful one is written: it checks each delivery's signature, keeps
/// the first delivery of each idempotency key and counts the rest, and fails its first <c>failFirst</c> requests (503).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly byte[] _secret;
    private readonly ConcurrentDictionary<string, string> _kept = new();
    private readonly ConcurrentDictionary<string, int> _received = new();
    private int _failuresLeft;
    private int _badSignatures;

    private WebApplication _app = null!;

    private WebhookReceiver(string secret, int failFirst)
    {
        _secret = Encoding.UTF8.GetBytes(secret);
        _failuresLeft = failFirst;
    }

    /// <summary>Its URL.</summary>
    public string Url { get; private set; } = string.Empty;

    /// <summary>The first payload of each idempotency key: what the receiver acts on.</summary>
    public IReadOnlyDictionary<string, string> Kept => _kept;

    /// <summary>How many requests each key came in (retries after a failure included).</summary>
    public IReadOnlyDictionary<string, int> Received => _received;

    /// <summary>Requests whose signature did not match.</summary>
    public int BadSignatures => _badSignatures;

    public static async Task<WebhookReceiver> StartAsync(string secret, int failFirst)
    {
        var receiver = new WebhookReceiver(secret, failFirst);
        (receiver._app, var baseUrl) = await LoopbackKestrel.StartAsync(null, app => app.MapPost("/hook", (Func<HttpContext, Task<IResult>>)receiver.ReceiveAsync));
        receiver.Url = baseUrl + "/hook";
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<IResult> ReceiveAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes(body)));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(context.Request.Headers["X-CorsProbe-Signature"].ToString())))
        {
            Interlocked.Increment(ref _badSignatures);
            return Results.Unauthorized();
        }

        var key = context.Request.Headers["Idempotency-Key"].ToString();
        _received.AddOrUpdate(key, 1, (_, n) => n + 1);
        if (Interlocked.Decrement(ref _failuresLeft) >= 0)
        {
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        _kept.TryAdd(key, body);
        return Results.Ok();
    }
}
