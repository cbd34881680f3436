using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using CorsProbing.Dashboard.Accounts;
using CorsProbing.Dashboard.Targets;
using CorsProbing.Dashboard.Watching;

namespace CorsProbing.Dashboard.Alerts;

/// <summary>
/// Sends the stored deliveries to their accounts' webhooks, on every replica: a POST of the stored JSON with an
/// <c>Idempotency-Key</c> and an <c>X-CorsProbe-Signature</c> (<c>sha256=</c> and the hex HMAC-SHA256 of the body under
/// the account's secret), through the SSRF guard (the URL is the customer's). A 2xx answer delivers it; anything else
/// tries again after <see cref="DashboardOptions.WebhookRetryDelay"/>, doubling each time up to ten minutes, until
/// <see cref="DashboardOptions.WebhookExpiry"/>. At least once: a replica that dies after the receiver answered but
/// before it recorded so sends it again, with the same key.
/// </summary>
internal sealed partial class WebhookSender(
    DeliveryStore deliveries, AccountDirectory accounts, TrustedTargets targets, TimeProvider time, IOptions<DashboardOptions> options, ILogger<WebhookSender> logger)
    : BackgroundService
{
    /// <summary>The header carrying the signature.</summary>
    public const string SignatureHeader = "X-CorsProbe-Signature";

    private static readonly TimeSpan LongestRetryDelay = TimeSpan.FromMinutes(10);
    private readonly string _owner = ReplicaIdentity.New("webhooks");

    /// <summary>Sends what is due now, side by side; returns how many were attempted.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();

        // Sent side by side, each within the receiver's timeout, so every one ends inside the claim's lease: sent one
        // after another, the last ones could outlive it and be claimed, and sent, by a second replica.
        var claimed = await deliveries.ClaimAsync(_owner, now, now + settings.WebhookTimeout + settings.WebhookTimeout, 16, cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(claimed.Select(delivery => AttemptAsync(delivery, settings, cancellationToken))).ConfigureAwait(false);
        return claimed.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await PollingLoop.RunAsync(SendDueAsync, _ => Task.FromResult(options.Value.PollInterval), time, exception => LogPassFailed(logger, exception), stoppingToken).ConfigureAwait(false);
        }
        finally
        {
            // What this replica claimed and did not attempt goes back at once, not when its lease runs out.
            await deliveries.ReleaseAsync(_owner, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>The signature header's value for <paramref name="body"/> under <paramref name="secret"/>.</summary>
    public static string Sign(byte[] secret, string body) => "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(body)));

    private async Task AttemptAsync(Delivery delivery, DashboardOptions settings, CancellationToken cancellationToken)
    {
        var error = await SendAsync(delivery, cancellationToken).ConfigureAwait(false);
        if (error is null)
        {
            await deliveries.DeliveredAsync(delivery, _owner, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            return;
        }

        var delay = settings.WebhookRetryDelay * Math.Pow(2, Math.Min(delivery.Attempts, 16));
        await deliveries.FailedAsync(delivery, _owner, time.GetUtcNow() + (delay < LongestRetryDelay ? delay : LongestRetryDelay), error, cancellationToken).ConfigureAwait(false);
        LogFailed(logger, delivery.IdempotencyKey, delivery.Account, error);
    }

    private async Task<string?> SendAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        if (accounts.Find(delivery.Account)?.Webhook is not { } webhook)
        {
            return $"Dashboard:Accounts:{delivery.Account}:WebhookUrl is not set.";
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.WebhookTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Add("Idempotency-Key", delivery.IdempotencyKey);
        request.Headers.Add(SignatureHeader, Sign(webhook.Secret, delivery.Payload));
        request.Headers.UserAgent.ParseAdd("CorsProbe.Dashboard-Webhooks");
        try
        {
            using var client = new HttpClient(targets.Router, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? null : $"The receiver answered {(int)response.StatusCode} {response.ReasonPhrase}.";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"The receiver did not answer within {options.Value.WebhookTimeout.TotalSeconds:0} s.";
        }
        catch (HttpRequestException exception)
        {
            return $"The receiver could not be reached: {exception.GetBaseException().Message}";
        }
    }

    [LoggerMessage(LogLevel.Warning, "Webhook delivery {Key} to account {Account} failed: {Error}")]
    private static partial void LogFailed(ILogger logger, string key, string account, string error);

    [LoggerMessage(LogLevel.Error, "Sending webhook deliveries failed")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
